using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Corpus;

/// <summary>The corpus in training-data/ meets the requirements its datasheet states.</summary>
public class TrainingCorpusTests
{
    private static readonly LabeledDataSet Data = LabeledDataSet.Read(Repository.TrainingData);

    private static IReadOnlyList<LabeledMessage> Items => Data.Items;

    private static string Source(LabeledMessage item) => Data.Sources[IndexOf[item.Id]];

    private static readonly Dictionary<string, int> IndexOf = Enumerable.Range(0, Data.Items.Count).ToDictionary(i => Data.Items[i].Id);

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
    public void Corpus_Size_IsAtLeastTenThousandOneThirdToHalfScam()
    {
        var scamShare = Items.Count(i => i.IsScam) / (double)Items.Count;

        Assert.True(Items.Count >= 10_000, $"{Items.Count} items");
        Assert.InRange(scamShare, 0.33, 0.50);
    }

    [Fact]
    public void Corpus_OrganisationToCustomerTraffic_IsCoveredOnBothSides()
    {
        var legitSms = Items.Count(i => !i.IsScam && i.Kind == MessageKind.Sms && Source(i).StartsWith("legit-a2p", StringComparison.Ordinal));
        var calls = Items.Where(i => !i.IsScam && Source(i).StartsWith("legit-calls", StringComparison.Ordinal)).ToList();
        var longCalls = calls.Count(c => c.Text.Length >= 3000 || c.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 20);
        var imitations = Items.Count(i => i.IsScam && Source(i).StartsWith("scam-a2p", StringComparison.Ordinal));

        Assert.True(legitSms >= 2500, $"{legitSms} legit organisation SMS");
        Assert.True(calls.Count >= 700, $"{calls.Count} legit customer-service calls");
        Assert.True(longCalls >= 150, $"{longCalls} long customer-service calls");
        Assert.True(imitations >= 900, $"{imitations} scams in the organisations' register");
    }

    [Fact]
    public void Corpus_OrganisationItems_NameTheirSenderKind()
    {
        var unnamed = Enumerable.Range(0, Items.Count)
            .Where(i => Data.Sources[i].Contains("a2p", StringComparison.Ordinal) || Data.Sources[i].StartsWith("legit-calls", StringComparison.Ordinal))
            .Where(i => Items[i].Sender is null)
            .Select(i => Items[i].Id)
            .ToList();

        Assert.Empty(unnamed);
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
    public void Corpus_EveryKind_IsAtLeastFifteenPercentOfEachLabel(bool isScam, MessageKind kind)
    {
        // Organisation SMS (OTP codes, notices) made SMS the larger share of legit items; every kind stays well covered.
        var label = Items.Where(i => i.IsScam == isScam).ToList();

        Assert.True(label.Count(i => i.Kind == kind) >= 0.15 * label.Count);
    }

    [Fact]
    public void Corpus_HardNegatives_AreAtLeastFortyPercentOfLegit()
    {
        // Warnings and retellings (legit-hard-*) and genuine organisation traffic in the scam's vocabulary.
        var legit = Enumerable.Range(0, Items.Count).Where(i => !Items[i].IsScam).ToList();
        var hard = legit.Count(i => Data.Sources[i] is var s
            && (s.StartsWith("legit-hard", StringComparison.Ordinal) || s.StartsWith("legit-a2p", StringComparison.Ordinal) || s.StartsWith("legit-calls", StringComparison.Ordinal)));

        Assert.True(hard >= 0.4 * legit.Count, $"{hard} of {legit.Count}");
    }
}
