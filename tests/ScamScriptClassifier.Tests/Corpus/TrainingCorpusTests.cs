using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Corpus;

/// <summary>The corpus in training-data/ meets the requirements its datasheet states.</summary>
public class TrainingCorpusTests
{
    private static readonly LabeledDataSet Data = LabeledDataSet.Read(Repository.TrainingData);

    private static IReadOnlyList<LabeledMessage> Items => Data.Items;

    [Fact]
    public void Corpus_EveryRow_IsValid()
    {
        Assert.Empty(Data.Problems);
    }

    [Fact]
    public void Corpus_NearDuplicates_StayUnderTwoPercentOfItems()
    {
        var pairs = NearDuplicates.Find(Items, threshold: 0.5);
        var involved = pairs.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().Count();

        Assert.True(involved <= 0.02 * Items.Count,
            $"{involved} of {Items.Count} items have a near-duplicate (word 3-gram Jaccard ≥ 0.5), e.g. "
            + string.Join("; ", pairs.Take(10).Select(p => $"{p.FirstId}~{p.SecondId} {p.Jaccard:0.00}")));
    }

    [Fact]
    public void Corpus_Size_IsAtLeastSixThousandAboutFortyFivePercentScam()
    {
        var scamShare = Items.Count(i => i.IsScam) / (double)Items.Count;

        Assert.True(Items.Count >= 6000, $"{Items.Count} items");
        Assert.InRange(scamShare, 0.40, 0.50);
    }

    [Theory]
    [InlineData(ScamPattern.Impersonation)]
    [InlineData(ScamPattern.AntiStateThreat)]
    [InlineData(ScamPattern.SubscriptionRevocation)]
    [InlineData(ScamPattern.MoneyTransfer)]
    public void Corpus_EveryPattern_HasAtLeastSixHundredItems(ScamPattern pattern)
    {
        Assert.True(Items.Count(i => i.Patterns.Contains(pattern)) >= 600);
    }

    [Fact]
    public void Corpus_OtherImpersonationScams_NumberAtLeastFourHundred()
    {
        Assert.True(Items.Count(i => i.IsOtherScam) >= 400);
    }

    [Theory]
    [InlineData(true, MessageKind.Sms)]
    [InlineData(true, MessageKind.Transcript)]
    [InlineData(true, MessageKind.Asr)]
    [InlineData(false, MessageKind.Sms)]
    [InlineData(false, MessageKind.Transcript)]
    [InlineData(false, MessageKind.Asr)]
    public void Corpus_EveryKind_IsAtLeastTwentyPercentOfEachLabel(bool isScam, MessageKind kind)
    {
        var label = Items.Where(i => i.IsScam == isScam).ToList();

        Assert.True(label.Count(i => i.Kind == kind) >= 0.2 * label.Count);
    }

    [Fact]
    public void Corpus_HardNegatives_AreAtLeastFortyPercentOfLegit()
    {
        var legit = Enumerable.Range(0, Items.Count).Where(i => !Items[i].IsScam).ToList();
        var hard = legit.Count(i => Data.Sources[i].StartsWith("legit-hard", StringComparison.Ordinal));

        Assert.True(hard >= 0.4 * legit.Count, $"{hard} of {legit.Count}");
    }
}
