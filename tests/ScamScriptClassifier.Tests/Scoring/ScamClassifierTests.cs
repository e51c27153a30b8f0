using System.Text;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public class ScamClassifierTests(TrainedModelFixture fixture)
{
    private ScamClassifier Classifier => fixture.Classifier;

    [Fact]
    public void ScoreProbability_EqualsScoreProbabilityForEveryItem()
    {
        foreach (var item in fixture.Items.Take(300))
        {
            Assert.Equal(Classifier.Score(item.Text).Probability, Classifier.ScoreProbability(item.Text));
        }
    }

    [Theory]
    [InlineData(Some.ScamScript)]
    [InlineData(Some.OfficialWarning)]
    public void Score_NfdAndNfc_GiveIdenticalProbabilities(string text)
    {
        var nfc = Classifier.Score(text.Normalize(NormalizationForm.FormC));
        var nfd = Classifier.Score(text.Normalize(NormalizationForm.FormD));

        Assert.Equal(nfc.Probability, nfd.Probability);
        Assert.Equal(nfc.Patterns, nfd.Patterns);
    }

    [Fact]
    public void Score_ClearScamScript_IsLikelyScamWithItsPatterns()
    {
        var assessment = Classifier.Score(Some.ScamScript);

        Assert.True(assessment.IsScam, $"p = {assessment.Probability}");
        Assert.Equal(ScamVerdict.LikelyScam, assessment.Verdict);
        Assert.True(assessment.Patterns[ScamPattern.Impersonation] >= 0.5f);
        Assert.True(assessment.Patterns[ScamPattern.MoneyTransfer] >= 0.5f);
    }

    [Fact]
    public void Score_ScriptWithoutDiacritics_IsStillFlagged()
    {
        Assert.True(Classifier.Score(Some.NoDiacritics(Some.ScamScript)).IsScam);
    }

    [Theory]
    [InlineData(Some.Everyday)]
    [InlineData(Some.OfficialWarning)]
    public void Score_LegitimateText_IsNotFlagged(string text)
    {
        var assessment = Classifier.Score(text);

        Assert.False(assessment.IsScam, $"p = {assessment.Probability}");
    }

    [Fact]
    public void Score_Evidence_QuotesTheTextAtItsOffsets()
    {
        var assessment = Classifier.Score(Some.ScamScript);

        Assert.NotEmpty(assessment.Evidence);
        foreach (var evidence in assessment.Evidence)
        {
            Assert.Equal(Some.ScamScript.Substring(evidence.Start, evidence.Length), evidence.Text);
            Assert.True(evidence.Weight > 0);
        }
    }

    [Fact]
    public void Score_EveryPattern_HasAProbability()
    {
        var assessment = Classifier.Score(Some.Everyday);

        Assert.Equal(ScamPatterns.All.Order(), assessment.Patterns.Keys.Order());
        Assert.All(assessment.Patterns.Values, p => Assert.InRange(p, 0f, 1f));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Score_EmptyOrWhitespace_IsSafe(string text)
    {
        var assessment = Classifier.Score(text);

        Assert.Equal(ScamVerdict.Safe, assessment.Verdict);
        Assert.Empty(assessment.Evidence);
    }

    [Fact]
    public void Score_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Classifier.Score(null!));
    }

    [Fact]
    public void Score_ScamAtTheEndOfAVeryLongCall_IsNotDiluted()
    {
        var chatter = string.Concat(Enumerable.Repeat(Some.Everyday + " ", 600));
        var text = chatter + Some.ScamScript;

        var assessment = Classifier.Score(text);

        Assert.True(text.Length > 40_000);
        Assert.True(assessment.IsScam, $"p = {assessment.Probability}");
        Assert.Equal(assessment.Probability, Classifier.ScoreProbability(text));
        Assert.All(assessment.Evidence, e => Assert.Equal(text.Substring(e.Start, e.Length), e.Text));
    }
}
