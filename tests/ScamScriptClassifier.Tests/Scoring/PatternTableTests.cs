using ScamScriptClassifier.Scoring;
using ScamScriptClassifier.Training;

namespace ScamScriptClassifier.Tests.Scoring;

public class PatternTableTests
{
    [Fact]
    public void Table_HasOneRowPerPattern_InHeadOrder()
    {
        Assert.Equal(Enum.GetValues<ScamPattern>(), PatternTable.All.Select(row => row.Pattern));
        Assert.Equal(Enumerable.Range(1, PatternTable.Count), PatternTable.All.Select(row => row.Head));
        Assert.Equal(PatternTable.Count + 1, LinearHeads.Count);
        Assert.True(LinearHeads.NormLane < LinearHeads.Stride);
        Assert.Equal(PatternTable.All.Count, PatternTable.All.Select(row => row.WireName).Distinct().Count());
    }

    [Fact]
    public void Table_KeepsTheWireNames()
    {
        Assert.Equal(
            ["impersonation", "anti_state_threat", "subscription_revocation", "money_transfer"],
            ScamPatterns.All.Select(p => p.ToWireName()));
        Assert.All(PatternTable.All, row => Assert.True(ScamPatterns.TryParseWireName(row.WireName, out var parsed) && parsed == row.Pattern));
    }

    [Fact]
    public void FeatureRow_HasABoolLabelPropertyPerRow_AndNoOther()
    {
        var labels = typeof(FeatureRow).GetProperties().Where(p => p.PropertyType == typeof(bool)).Select(p => p.Name);

        Assert.Equal(FeatureRow.LabelColumns.Order(), labels.Order());
        Assert.Equal(PatternTable.Count + 1, FeatureRow.ProbabilityColumns.Distinct().Count());
    }

    [Fact]
    public void FeatureRow_From_SetsEachPatternsLabel()
    {
        var item = new LabeledMessage("x", "text", true, [ScamPattern.MoneyTransfer, ScamPattern.Impersonation], MessageKind.Sms, null, false, null);

        var row = FeatureRow.From(item, default);

        Assert.True(row.Label);
        Assert.Equal([true, false, false, true], [row.Impersonation, row.AntiStateThreat, row.SubscriptionRevocation, row.MoneyTransfer]);
    }

    [Theory]
    [InlineData(0.5f, true)]
    [InlineData(0.4999f, false)]
    public void IsPresent_IsTheOneRule(float probability, bool present)
    {
        Assert.Equal(present, PatternTable.IsPresent(probability));
    }
}
