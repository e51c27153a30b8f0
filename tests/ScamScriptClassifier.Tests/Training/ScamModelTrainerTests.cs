using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Training;

[Collection(TrainedModelCollection.Name)]
public class ScamModelTrainerTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Train_SameDataAndSeed_GivesTheSameModel()
    {
        var items = fixture.Items.Where((_, i) => i % 2 == 0).ToList();
        var options = new ScamTrainingOptions { ThresholdFolds = 2 };

        var first = new ScamModelTrainer(options).Train(items).Classifier;
        var second = new ScamModelTrainer(options).Train(items).Classifier;

        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Manifest.PayloadSha256, second.Manifest.PayloadSha256);
        foreach (var item in items.Take(50))
        {
            Assert.Equal(first.ScoreProbability(item.Text), second.ScoreProbability(item.Text));
        }
    }

    [Fact]
    public void Train_HeldOutSplit_KeepsEveryFamilyOnOneSide()
    {
        var families = fixture.Items.GroupBy(i => i.Family ?? i.Id).Where(g => g.Count() > 1);

        foreach (var family in families)
        {
            var seen = family.Select(i => fixture.Classifier.WasTrainedOn(i.Text)).Distinct().ToList();
            Assert.True(seen.Count == 1, $"family {family.Key} straddles the split");
        }
    }

    [Fact]
    public void Train_Manifest_RecordsDataHashCountsAndHeldOutMetrics()
    {
        var manifest = fixture.Model.Manifest;

        Assert.Equal(LabeledDataSet.ComputeSha256(fixture.Items), manifest.TrainingDataSha256);
        Assert.Equal(fixture.Items.Count, manifest.Items);
        Assert.True(manifest.TrainItems < manifest.Items);
        Assert.NotNull(manifest.HeldOut);
        Assert.Equal(manifest.Items - manifest.TrainItems, manifest.HeldOut!.Items);
        Assert.InRange(manifest.Threshold, 0.01f, 0.99f);
    }

    [Fact]
    public void Train_OnAThirdOfTheCorpus_SeparatesHeldOutScamsFromLegit()
    {
        var heldOut = fixture.Model.HeldOut!.Overall;

        // Observed 0.99 on this split; a drop below 0.95 means the features or the corpus broke.
        Assert.True(heldOut.RocAuc >= 0.95, $"held-out ROC-AUC {heldOut.RocAuc}");
        Assert.True(heldOut.F1 >= 0.85, $"held-out F1 {heldOut.F1}");
    }

    [Fact]
    public void Train_ItemsWithoutAPattern_ThrowsNamingTheCategory()
    {
        var items = fixture.Items.Where(i => !i.Patterns.Contains(ScamPattern.SubscriptionRevocation)).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer().Train(items));

        Assert.Contains("subscription_revocation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_HeldOutFractionOutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScamModelTrainer(new ScamTrainingOptions { HeldOutFraction = 1.5 }));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Options_MaxFalsePositiveRateOutOfRange_IsRejectedByName(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScamModelTrainer(new ScamTrainingOptions { MaxFalsePositiveRate = rate }));

        Assert.Equal(nameof(ScamTrainingOptions.MaxFalsePositiveRate), error.ParamName);
    }

    [Fact]
    public void Train_StricterFalsePositiveCap_RaisesTheThresholdAndLowersHeldOutFalseAlarms()
    {
        var items = fixture.Items.Where((_, i) => i % 2 == 0).ToList();

        var uncapped = new ScamModelTrainer(new ScamTrainingOptions { ThresholdFolds = 2, MaxFalsePositiveRate = 1 }).Train(items);
        var capped = new ScamModelTrainer(new ScamTrainingOptions { ThresholdFolds = 2, MaxFalsePositiveRate = 0.005 }).Train(items);

        Assert.True(capped.Classifier.Threshold > uncapped.Classifier.Threshold, $"capped {capped.Classifier.Threshold}, uncapped {uncapped.Classifier.Threshold}");
        Assert.True(
            capped.HeldOut!.Overall.FalsePositiveRate <= uncapped.HeldOut!.Overall.FalsePositiveRate,
            $"capped FPR {capped.HeldOut.Overall.FalsePositiveRate}, uncapped {uncapped.HeldOut.Overall.FalsePositiveRate}");
    }
}
