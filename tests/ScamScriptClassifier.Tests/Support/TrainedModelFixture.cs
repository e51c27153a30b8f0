namespace ScamScriptClassifier.Tests.Support;

/// <summary>
/// One small model trained once for the whole test run, on every third item of the repository's corpus, so the
/// tests exercise real training without paying for the full corpus.
/// </summary>
public sealed class TrainedModelFixture
{
    public TrainedModelFixture()
    {
        var corpus = LabeledDataSet.Read(Repository.TrainingData).Items;
        Items = corpus.Where((_, i) => i % 3 == 0).ToList();
        Model = new ScamModelTrainer(new ScamTrainingOptions { ThresholdFolds = 3 }).Train(Items);
    }

    public IReadOnlyList<LabeledMessage> Items { get; }

    public TrainedScamModel Model { get; }

    public ScamClassifier Classifier => Model.Classifier;

    public IReadOnlyList<LabeledMessage> HeldOutItems => Items.Where(i => !Classifier.WasTrainedOn(i.Text)).ToList();
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
