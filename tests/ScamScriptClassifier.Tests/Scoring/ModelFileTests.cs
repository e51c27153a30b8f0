using System.IO.Compression;
using System.Text.Json.Nodes;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public sealed class ModelFileTests(TrainedModelFixture fixture) : TemporaryDirectory("model")
{
    [Fact]
    public void Load_SavedModel_ScoresExactlyAsTheTrainedOne()
    {
        var path = PathOf("model.zip");
        fixture.Model.Save(path);

        var loaded = ScamClassifier.Load(path);

        Assert.Equal(fixture.Classifier.Manifest, loaded.Manifest);
        Assert.Equal(fixture.Classifier.ScoreProbability(Some.ScamScript), loaded.ScoreProbability(Some.ScamScript));
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = PathOf("nope.zip");

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RandomBytes_IsRefusedAsNotAModel()
    {
        var path = PathOf("random.zip");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))]);

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("not a readable zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_IsRefused()
    {
        var path = SavedModel();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NewerFormatVersion_IsRefusedWithTheVersion()
    {
        var path = SavedModel();
        EditManifest(path, manifest => manifest["formatVersion"] = 99);

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("format version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherFeatureSchema_IsRefused()
    {
        var path = SavedModel();
        EditManifest(path, manifest => manifest["featureSchema"] = "char-grams/v0");

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("char-grams/v0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModifiedPayload_FailsTheChecksum()
    {
        var path = SavedModel();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.CreateEntry("TransformerChain/extra.bin").Open().Dispose();
        }

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZipWithoutManifest_IsRefused()
    {
        var path = PathOf("plain.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("Model.key").Open().Dispose();
        }

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("manifest", error.Message, StringComparison.Ordinal);
    }

    private string SavedModel()
    {
        var path = PathOf($"{Guid.NewGuid():N}.zip");
        fixture.Model.Save(path);
        return path;
    }

    private static void EditManifest(string path, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("ScamScript/manifest.json")!;
        JsonObject manifest;
        using (var reader = entry.Open())
        {
            manifest = JsonNode.Parse(reader)!.AsObject();
        }

        edit(manifest);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("ScamScript/manifest.json").Open());
        writer.Write(manifest.ToJsonString());
    }
}
