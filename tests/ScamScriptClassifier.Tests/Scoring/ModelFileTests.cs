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
    public void Save_RecordsTheLibrarysFeaturizerFingerprint()
    {
        var path = SavedModel();

        Assert.Equal(ScamScriptClassifier.Features.FeaturizerIdentity.Current, ScamClassifier.Load(path).Manifest.FeaturizerFingerprint);
        Assert.Matches("^[0-9a-f]{64}$", fixture.Classifier.Manifest.FeaturizerFingerprint);
    }

    [Fact]
    public void Load_OtherFeaturizerFingerprint_IsRefusedSayingWhy()
    {
        var path = SavedModel();
        var other = new string('0', 64);
        EditManifest(path, manifest => manifest["featurizerFingerprint"] = other);

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(other, error.Message, StringComparison.Ordinal);
        Assert.Contains(ScamScriptClassifier.Features.FeaturizerIdentity.Current, error.Message, StringComparison.Ordinal);
        Assert.Contains("shifted features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFeaturizerFingerprint_IsRefused()
    {
        var path = SavedModel();
        EditManifest(path, manifest => manifest.Remove("featurizerFingerprint"));

        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));

        Assert.Contains("no featurizer fingerprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeaturizerFingerprint_SeesAChangeInTheFeatures()
    {
        var probe = ScamScriptClassifier.Features.FeaturizerIdentity.ProbeText;

        Assert.Equal(ScamScriptClassifier.Features.FeaturizerIdentity.Current, ScamScriptClassifier.Features.FeaturizerIdentity.Of(probe));
        Assert.NotEqual(ScamScriptClassifier.Features.FeaturizerIdentity.Current, ScamScriptClassifier.Features.FeaturizerIdentity.Of(probe.Replace("khóa", "mở", StringComparison.Ordinal)));
        Assert.NotEqual(ScamScriptClassifier.Features.FeaturizerIdentity.Current, ScamScriptClassifier.Features.FeaturizerIdentity.Of(probe + " Hết."));
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
