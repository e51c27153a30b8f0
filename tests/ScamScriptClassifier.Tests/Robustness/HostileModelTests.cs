using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Robustness;

/// <summary>Damaged and crafted model files, each built here from the trained test model: refused, quickly, by name.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class HostileModelTests(TrainedModelFixture fixture) : TemporaryDirectory("hostile-model")
{
    private const string TrainedTexts = "ScamScript/trained-texts.bin";
    private const string Predictor = "TransformerChain/Transform_000/Model/Predictor/Model.key";
    private const string Manifest = "ScamScript/manifest.json";

    [Theory]
    [InlineData(16L << 30)]
    [InlineData((4L << 30) - 2)]
    [InlineData(65L << 20)]
    public void Load_RecordedSizeOverTheEntryLimit_IsRefusedBeforeDecompressing(long size)
    {
        var path = Write(ZipSurgery.WithRecordedSize(ModelBytes(), TrainedTexts, size));

        var error = AssertRefused(path);

        Assert.Contains(TrainedTexts, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{size} bytes, more than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RecordedSizesOverTheTotalLimit_IsRefused()
    {
        var bytes = ModelBytes();
        foreach (var record in ZipSurgery.Records(bytes).Where(r => r.Name.StartsWith("TransformerChain/", StringComparison.Ordinal)).Take(10))
        {
            bytes = ZipSurgery.WithRecordedSize(bytes, record.Name, 60L << 20);
        }

        var error = AssertRefused(Write(bytes));

        Assert.Contains("expands to more than the limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-64)]
    [InlineData(-1)]
    [InlineData(8)]
    public void Load_RecordedSizeThatDisagreesWithTheContent_IsRefused(int delta)
    {
        var bytes = ModelBytes();
        var actual = ZipSurgery.Entries(bytes).Single(e => e.Name == TrainedTexts).Content.Length;

        var error = AssertRefused(Write(ZipSurgery.WithRecordedSize(bytes, TrainedTexts, actual + delta)));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrainedTexts)]
    [InlineData(Predictor)]
    public void Load_EntryReplacedByAZeroBomb_IsRefusedQuicklyWithBoundedMemory(string entry)
    {
        var path = Write(ZipSurgery.WithContent(ModelBytes(), entry, new byte[65 << 20]));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = AssertRefused(path);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
        Assert.Contains("more than the limit", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 4 * new FileInfo(path).Length + (1 << 20), $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData(TrainedTexts)]
    [InlineData(Predictor)]
    public void Load_EntryReplacedWithinTheLimits_FailsTheChecksumBeforeMLNet(string entry)
    {
        var path = Write(ZipSurgery.WithContent(ModelBytes(), entry, new byte[4096]));

        var error = AssertRefused(path);

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ML.NET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManifestOverTheSizeLimit_IsRefusedUnread()
    {
        var bytes = ModelBytes();
        var manifest = JsonNode.Parse(ZipSurgery.Entries(bytes).Single(e => e.Name == Manifest).Content)!.AsObject();
        manifest["libraryVersion"] = new string('9', 1 << 20);
        var path = Write(ZipSurgery.WithContent(bytes, Manifest, Encoding.UTF8.GetBytes(manifest.ToJsonString())));

        var error = AssertRefused(path);

        Assert.Contains(Manifest, error.Message, StringComparison.Ordinal);
        Assert.Contains("more than the limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("threshold", -1)]
    [InlineData("threshold", 0)]
    [InlineData("threshold", 1)]
    [InlineData("threshold", 5)]
    [InlineData("profiles.balanced", 0)]
    [InlineData("profiles.highRecall", -1)]
    [InlineData("profiles.highPrecision", 5)]
    [InlineData("profiles.balancedFalsePositiveRate", 2)]
    [InlineData("formatVersion", -5)]
    [InlineData("formatVersion", 0)]
    [InlineData("items", -1)]
    [InlineData("scamItems", -3)]
    [InlineData("trainItems", -2)]
    [InlineData("heldOut.items", -1)]
    [InlineData("heldOut.rocAuc", 7)]
    public void Load_ManifestFieldOutOfRange_IsRefusedWithTheFieldNamed(string field, double value)
    {
        var bytes = ModelBytes();
        var manifest = JsonNode.Parse(ZipSurgery.Entries(bytes).Single(e => e.Name == Manifest).Content)!.AsObject();
        var parts = field.Split('.');
        var target = parts.Length == 1 ? manifest : manifest[parts[0]]!.AsObject();
        target[parts[^1]] = field.Contains("items", StringComparison.OrdinalIgnoreCase) || field == "formatVersion" ? JsonValue.Create((int)value) : JsonValue.Create(value);
        var path = Write(ZipSurgery.WithContent(bytes, Manifest, Encoding.UTF8.GetBytes(manifest.ToJsonString())));

        var error = AssertRefused(path);

        Assert.Contains($"\"{field}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManifestWithoutPayloadChecksum_IsRefused()
    {
        var bytes = ModelBytes();
        var manifest = JsonNode.Parse(ZipSurgery.Entries(bytes).Single(e => e.Name == Manifest).Content)!.AsObject();
        manifest.Remove("payloadSha256");

        var error = AssertRefused(Write(ZipSurgery.WithContent(bytes, Manifest, Encoding.UTF8.GetBytes(manifest.ToJsonString()))));

        Assert.Contains("\"payloadSha256\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RebuiltButUnchanged_StillLoads()
    {
        var path = Write(ZipSurgery.Build(ZipSurgery.Entries(ModelBytes())));

        var loaded = ScamClassifier.Load(path);

        Assert.Equal(fixture.Classifier.ScoreProbability(Some.ScamScript), loaded.ScoreProbability(Some.ScamScript));
    }

    [Fact]
    public void Load_DuplicateEntry_IsRefused()
    {
        var entries = ZipSurgery.Entries(ModelBytes());
        entries.Add(entries.Single(e => e.Name == Predictor));

        var error = AssertRefused(Write(ZipSurgery.Build(entries)));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CharacterDevice_IsRefusedAtOnce()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var error = AssertRefused("/dev/zero");

        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_IsRefusedByName()
    {
        var error = AssertRefused(Folder);

        Assert.Contains("directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_IsRefusedUnread()
    {
        var path = PathOf("huge.zip");
        using (var stream = File.Create(path))
        {
            stream.SetLength((256L << 20) + 1);
        }

        var error = AssertRefused(path);

        Assert.Contains("more than the limit", error.Message, StringComparison.Ordinal);
    }

    private byte[] ModelBytes()
    {
        using var buffer = new MemoryStream();
        fixture.Model.Save(buffer);
        return buffer.ToArray();
    }

    private string Write(byte[] bytes)
    {
        var path = PathOf($"{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Loads <paramref name="path"/>, which must be refused by name within a second.</summary>
    private static ScamModelException AssertRefused(string path)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ScamModelException>(() => ScamClassifier.Load(path));
        watch.Stop();

        Assert.Contains($"\"{path}\"", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refused after {watch.Elapsed}: {error.Message}");
        return error;
    }
}
