using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

public class DefaultModelTests
{
    [Fact]
    public void LoadDefault_Manifest_MatchesTheTrainingDataInThisRepository()
    {
        var items = LabeledDataSet.Read(Repository.TrainingData).Items;

        var manifest = ScamClassifier.LoadDefault().Manifest;

        Assert.True(
            manifest.TrainingDataSha256 == LabeledDataSet.ComputeSha256(items),
            "training-data/ changed since the default model was trained: rebuild it with "
            + "`dotnet run --project src/ScamScriptClassifier.Cli -c Release -- train --data training-data --output src/ScamScriptClassifier/Model/default-model.zip`.");
        Assert.Equal(items.Count, manifest.Items);
    }

    [Fact]
    public void LoadDefault_ModelFile_StaysSmall()
    {
        var size = new FileInfo(Path.Combine(Repository.Root, "src", "ScamScriptClassifier", "Model", "default-model.zip")).Length;

        Assert.True(size <= 5 * 1024 * 1024, $"default model is {size / 1024} KiB");
    }

    [Fact]
    public void LoadDefault_IsSharedAndScores()
    {
        var classifier = ScamClassifier.LoadDefault();

        Assert.Same(classifier, ScamClassifier.LoadDefault());
        Assert.True(classifier.Score(Some.ScamScript).IsScam);
        Assert.True(classifier.Score(Some.SubscriptionScam).IsScam);
        Assert.False(classifier.Score(Some.OfficialWarning).IsScam);
        Assert.False(classifier.Score(Some.Everyday).IsScam);
    }
}
