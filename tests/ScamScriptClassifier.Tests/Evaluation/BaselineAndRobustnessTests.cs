using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Evaluation;

/// <summary>The yardstick and the robustness probes measure what they say, on small fixed samples.</summary>
public class BaselineAndRobustnessTests
{
    private static readonly IReadOnlyList<LabeledMessage> Corpus = LabeledDataSet.Read(Repository.TrainingData).Items;

    [Fact]
    public void TrainBaseline_OnASample_ChoosesARegularisationByCrossValidationAndRanksUnseenItems()
    {
        var sample = Corpus.Where((_, i) => i % 20 == 0).ToList();
        var train = sample.Where((_, i) => i % 4 != 0).ToList();
        var test = sample.Where((_, i) => i % 4 == 0).ToList();
        var trainer = new ScamModelTrainer(new ScamTrainingOptions { ThresholdFolds = 3 });

        var baseline = trainer.TrainBaseline(train);
        var report = ScamEvaluator.Evaluate(baseline, test);

        Assert.Contains(baseline.L2Regularization, new[] { 1e-6f, 1e-5f, 1e-4f, 1e-2f });
        Assert.InRange(baseline.Threshold, 0f, 1f);
        Assert.Equal(test.Count, report.Overall.Items);
        Assert.True(report.Overall.RocAuc > 0.9, $"baseline ROC-AUC {report.Overall.RocAuc} on {test.Count} unseen items"); // observed 0.97–0.99
        Assert.Empty(report.Patterns);
    }

    [Fact]
    public void Robustness_DefaultModel_HoldsOnHeldOutItemsEmbeddedRepeatedAndReplayed()
    {
        var report = ScamEvaluator.Robustness(ScamClassifier.LoadDefault(), Corpus, probes: 60);

        // Observed with 200 probes: 76% / 71% retained, 3% of joined legit flagged, 1 of 30 short turns, 100% agreement.
        Assert.True(report.ScamsFlaggedAlone >= 50, $"{report.ScamsFlaggedAlone} scams");
        Assert.True(report.RetainedInShortContext >= 0.6, $"retained in 1.5k: {report.RetainedInShortContext}");
        Assert.True(report.RetainedInLongContext >= 0.5, $"retained in 20k: {report.RetainedInLongContext}");
        Assert.True(report.ConcatenatedLegitFalsePositiveRate <= 0.1, $"joined legit flagged: {report.ConcatenatedLegitFalsePositiveRate}");
        Assert.True(report.RepeatedLegitMeanAbsoluteChange <= 0.05, $"|Δp| {report.RepeatedLegitMeanAbsoluteChange}");
        Assert.True(report.RepeatedScamsStillFlagged >= 0.95, $"repeated scams flagged: {report.RepeatedScamsStillFlagged}");
        Assert.True(report.ShortTurnsFlagged <= 2, $"{report.ShortTurnsFlagged} of {report.ShortTurns} short turns flagged");
        Assert.True(report.WholeVersusLiveAgreement >= 0.99, $"agreement {report.WholeVersusLiveAgreement}");
    }

    [Theory]
    [InlineData("Alo")]
    [InlineData("Dạ alo")]
    [InlineData("vâng")]
    [InlineData("Xin quý khách vui lòng giữ máy.")]
    public void Score_GreetingsAndFillers_AreSafeOnceAndRepeated(string turn)
    {
        var classifier = ScamClassifier.LoadDefault();

        Assert.Equal(ScamVerdict.Safe, classifier.Score(turn).Verdict);
        Assert.Equal(ScamVerdict.Safe, classifier.Score(string.Join(' ', Enumerable.Repeat(turn, 16))).Verdict);
    }

    [Fact]
    public void ExpectedScamRate_BelowTheCorpusRate_LowersProbabilitiesButFlagsTheSameTexts()
    {
        var plain = ScamClassifier.LoadDefault();
        var rare = ScamClassifier.Create(new ScamClassifierOptions { ExpectedScamRate = 0.01 });
        string[] texts = [Some.ScamScript, Some.SubscriptionScam, Some.OfficialWarning, Some.Everyday];

        foreach (var text in texts)
        {
            var (before, after) = (plain.Score(text), rare.Score(text));
            Assert.True(after.Probability <= before.Probability, text);
            Assert.Equal(before.IsScam, after.IsScam);
        }

        Assert.True(rare.Threshold < plain.Threshold);
    }

    [Fact]
    public void ExpectedScamRate_OutOfRange_IsRejectedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => ScamClassifier.Create(new ScamClassifierOptions { ExpectedScamRate = 1.5 }));

        Assert.Contains(nameof(ScamClassifierOptions.ExpectedScamRate), error.Message, StringComparison.Ordinal);
    }
}
