using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// A model as read from disk: the flat heads the scorer uses, what the file says about itself, and the ML.NET
/// transformer chain they were copied from (kept only by callers that need ML.NET's own predictions).
/// </summary>
internal sealed record LoadedModel(LinearHeads Heads, Aggregator Aggregator, ScamModelManifest Manifest, ulong[] TrainedTexts, ITransformer? MLModel)
{
    /// <summary>The same model without the ML.NET chain, so it can be collected once the weights are copied.</summary>
    public LoadedModel ForScoring() => this with { MLModel = null };
}

/// <summary>
/// The model file: the zip ML.NET writes for the chain of five calibrated linear heads, plus a
/// <c>ScamScript/</c> folder with the manifest, the engine (the features' idf and the aggregator's weights) and the
/// hashes of the texts the model was fitted on. The manifest's payload SHA-256 covers every entry but itself.
/// </summary>
internal static class ScamModelFile
{
    private const string OwnFolder = "ScamScript/";
    private const string ManifestEntry = OwnFolder + "manifest.json";
    private const string TrainedTextsEntry = OwnFolder + "trained-texts.bin";
    private const string EngineEntry = OwnFolder + "engine.bin";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Write(MLContext ml, ITransformer model, DataViewSchema inputSchema, float[] idf, Aggregator aggregator, (double Slope, double Offset)[] calibration, ScamModelManifest manifest, IEnumerable<ulong> trainedTexts)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model, inputSchema, buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using (var texts = new BinaryWriter(zip.CreateEntry(TrainedTextsEntry, CompressionLevel.Optimal).Open()))
            {
                foreach (var hash in trainedTexts.Order())
                {
                    texts.Write(hash);
                }
            }

            using (var engine = new BinaryWriter(zip.CreateEntry(EngineEntry, CompressionLevel.Optimal).Open()))
            {
                engine.Write(idf.Length);
                foreach (var value in idf)
                {
                    engine.Write(value);
                }

                engine.Write(aggregator.Weights.Length);
                foreach (var value in aggregator.Weights)
                {
                    engine.Write(value);
                }

                engine.Write(aggregator.Bias);
                engine.Write(aggregator.Trees.Count);
                foreach (var tree in aggregator.Trees)
                {
                    engine.Write(tree.Feature.Length);
                    for (var node = 0; node < tree.Feature.Length; node++)
                    {
                        engine.Write(tree.Feature[node]);
                        engine.Write(tree.Threshold[node]);
                        engine.Write(tree.Left[node]);
                        engine.Write(tree.Right[node]);
                    }

                    foreach (var leaf in tree.Leaf)
                    {
                        engine.Write(leaf);
                    }
                }

                engine.Write(calibration.Length);
                foreach (var (slope, offset) in calibration)
                {
                    engine.Write(slope);
                    engine.Write(offset);
                }
            }

            var withPayload = manifest with { PayloadSha256 = PayloadSha256(zip) };
            using var writer = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(writer, withPayload, Json);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it, so a crash never leaves half a file.</summary>
    public static void WriteAtomically(ReadOnlySpan<byte> bytes, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                stream.Write(bytes);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static LoadedModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScamModelException($"Model file \"{path}\" does not exist.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScamModelException($"Model file \"{path}\" cannot be read: {ex.Message}", ex);
        }

        return Load(bytes, path);
    }

    public static LoadedModel Load(byte[] bytes, string name)
    {
        ScamModelManifest manifest;
        ulong[] trainedTexts;
        (float[] Idf, Aggregator Aggregator, (double Slope, double Offset)[] Calibration) engine;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            manifest = ReadManifest(zip, name);
            trainedTexts = ReadTrainedTexts(zip);
            engine = ReadEngine(zip, name);
        }
        catch (InvalidDataException ex)
        {
            throw new ScamModelException($"Model file \"{name}\" is not a model: it is not a readable zip archive ({ex.Message}).", ex);
        }

        // The checksum and ML.NET's deserialisation each read the whole payload: run them on two cores.
        var payloadSha256 = Task.Run(() => PayloadSha256(bytes));
        ITransformer? model = null;
        Exception? loadError = null;
        try
        {
            model = new MLContext().Model.Load(new MemoryStream(bytes, writable: false), out _);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            loadError = ex;
        }

        string actual;
        try
        {
            actual = payloadSha256.GetAwaiter().GetResult();
        }
        catch (InvalidDataException ex)
        {
            throw new ScamModelException($"Model file \"{name}\" is damaged: {ex.Message}", ex);
        }

        if (manifest.PayloadSha256 != actual)
        {
            throw new ScamModelException($"Model file \"{name}\" does not match the SHA-256 recorded in its manifest: it is damaged or was modified.");
        }

        if (model is null)
        {
            throw new ScamModelException($"Model file \"{name}\" could not be loaded by ML.NET: {loadError!.Message}", loadError);
        }

        return new LoadedModel(ExtractHeads(model, name, engine.Idf, engine.Calibration), engine.Aggregator, manifest, trainedTexts, model);
    }

    /// <summary>A stable 64-bit fingerprint of a text, to recognise items a model was fitted on.</summary>
    public static ulong Fingerprint(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ReplaceLineEndings("\n")), digest);
        return BitConverter.ToUInt64(digest);
    }

    private static ScamModelManifest ReadManifest(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(ManifestEntry)
            ?? throw new ScamModelException($"Model file \"{name}\" has no {ManifestEntry}: it was not written by ScamScriptClassifier training.");
        ScamModelManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<ScamModelManifest>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged manifest: {ex.Message}", ex);
        }

        if (manifest is null)
        {
            throw new ScamModelException($"Model file \"{name}\" has an empty manifest.");
        }

        if (manifest.FormatVersion > ScamModelManifest.CurrentFormatVersion)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" has format version {manifest.FormatVersion}; this library reads version {ScamModelManifest.CurrentFormatVersion}. Update the ScamScriptClassifier package.");
        }

        if (manifest.FormatVersion < ScamModelManifest.CurrentFormatVersion)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" has format version {manifest.FormatVersion}, written by an older ScamScriptClassifier; this library reads version {ScamModelManifest.CurrentFormatVersion}. Retrain the model with this version.");
        }

        if (manifest.FeatureSchema != ScamModelManifest.CurrentFeatureSchema)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" was trained on feature schema \"{manifest.FeatureSchema}\"; this library computes \"{ScamModelManifest.CurrentFeatureSchema}\". Retrain the model with this version.");
        }

        if (manifest.FeaturizerFingerprint is null)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" records no featurizer fingerprint, so this library cannot check that it computes the features the model was trained on. Retrain the model with this version.");
        }

        if (manifest.FeaturizerFingerprint != FeaturizerIdentity.Current)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" was trained with a featuriser whose fingerprint is {manifest.FeaturizerFingerprint}; this library's featuriser gives {FeaturizerIdentity.Current} on the same probe text, so the model would score shifted features. Retrain the model with this version.");
        }

        return manifest;
    }

    private static ulong[] ReadTrainedTexts(ZipArchive zip)
    {
        var entry = zip.GetEntry(TrainedTextsEntry);
        if (entry is null)
        {
            return [];
        }

        using var reader = new BinaryReader(entry.Open());
        var hashes = new ulong[entry.Length / sizeof(ulong)];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = reader.ReadUInt64();
        }

        return hashes;
    }

    private static (float[] Idf, Aggregator Aggregator, (double Slope, double Offset)[] Calibration) ReadEngine(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(EngineEntry)
            ?? throw new ScamModelException($"Model file \"{name}\" has no {EngineEntry}.");
        const int MaxEngineBytes = 64 << 20;
        if (entry.Length > MaxEngineBytes)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged {EngineEntry}: {entry.Length} bytes, more than {MaxEngineBytes}.");
        }

        try
        {
            using var reader = new BinaryReader(entry.Open());
            if (reader.ReadInt32() != FeatureSpace.Dimension)
            {
                throw new ScamModelException($"Model file \"{name}\" has idf weights for another feature space than {FeatureSpace.Dimension} buckets.");
            }

            var idf = new float[FeatureSpace.Dimension];
            for (var i = 0; i < idf.Length; i++)
            {
                idf[i] = reader.ReadSingle();
            }

            if (reader.ReadInt32() != Aggregator.FeatureCount)
            {
                throw new ScamModelException($"Model file \"{name}\" has an aggregator for another number of signals than {Aggregator.FeatureCount}.");
            }

            var weights = new float[Aggregator.FeatureCount];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            var bias = reader.ReadSingle();
            var trees = new Aggregator.Tree[ReadCount(reader, 10_000)];
            for (var t = 0; t < trees.Length; t++)
            {
                var nodes = ReadCount(reader, 4096);
                var (feature, threshold, left, right) = (new int[nodes], new float[nodes], new int[nodes], new int[nodes]);
                for (var node = 0; node < nodes; node++)
                {
                    (feature[node], threshold[node], left[node], right[node]) = (reader.ReadInt32(), reader.ReadSingle(), reader.ReadInt32(), reader.ReadInt32());
                    if ((uint)feature[node] >= Aggregator.FeatureCount || !float.IsFinite(threshold[node])
                        || !ValidChild(left[node], node, nodes) || !ValidChild(right[node], node, nodes))
                    {
                        throw new ScamModelException($"Model file \"{name}\" has a damaged tree in {EngineEntry}.");
                    }
                }

                var leaf = new float[nodes + 1];
                for (var l = 0; l < leaf.Length; l++)
                {
                    leaf[l] = reader.ReadSingle();
                }

                if (!leaf.All(float.IsFinite))
                {
                    throw new ScamModelException($"Model file \"{name}\" has non-finite numbers in {EngineEntry}.");
                }

                trees[t] = new Aggregator.Tree(feature, threshold, left, right, leaf);
            }

            if (ReadCount(reader, LinearHeads.Count) != LinearHeads.Count)
            {
                throw new InvalidDataException($"a calibration for other than {LinearHeads.Count} heads");
            }

            var calibration = new (double Slope, double Offset)[LinearHeads.Count];
            for (var head = 0; head < calibration.Length; head++)
            {
                calibration[head] = (reader.ReadDouble(), reader.ReadDouble());
            }

            if (!idf.All(v => float.IsFinite(v) && v >= 0) || !weights.All(float.IsFinite) || !float.IsFinite(bias)
                || !calibration.All(c => double.IsFinite(c.Slope) && double.IsFinite(c.Offset)))
            {
                throw new ScamModelException($"Model file \"{name}\" has non-finite numbers in {EngineEntry}.");
            }

            return (idf, new Aggregator(weights, bias, trees), calibration);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged {EngineEntry}: {ex.Message}", ex);
        }
    }

    private static int ReadCount(BinaryReader reader, int limit)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= limit ? count : throw new InvalidDataException($"a count of {count} (at most {limit})");
    }

    /// <summary>A child points forwards to a node (so evaluation always ends) or to one of the n + 1 leaves.</summary>
    private static bool ValidChild(int child, int node, int nodes) => child >= 0 ? child > node && child < nodes : ~child <= nodes;

    private static string PayloadSha256(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        return PayloadSha256(zip);
    }

    private static string PayloadSha256(ZipArchive zip)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.Where(e => e.FullName != ManifestEntry).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName));
            using var stream = entry.Open();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static LinearHeads ExtractHeads(ITransformer model, string name, float[] idf, (double Slope, double Offset)[]? calibration = null)
    {
        var heads = (model as IEnumerable<ITransformer> ?? [model])
            .OfType<IPredictionTransformer<object>>()
            .Select(t => t.Model)
            .OfType<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>()
            .ToList();
        if (heads.Count != LinearHeads.Count)
        {
            throw new ScamModelException(
                $"Model file \"{name}\" holds {heads.Count} calibrated linear heads; this library scores exactly {LinearHeads.Count} (scam, {string.Join(", ", PatternTable.All.Select(row => row.WireName))}).");
        }

        var weights = new float[LinearHeads.Count][];
        var bias = new float[LinearHeads.Count];
        var slope = new double[LinearHeads.Count];
        var offset = new double[LinearHeads.Count];
        for (var head = 0; head < LinearHeads.Count; head++)
        {
            var linear = heads[head].SubModel;
            if (linear.Weights.Count != FeatureSpace.Dimension)
            {
                throw new ScamModelException(
                    $"Model file \"{name}\" has {linear.Weights.Count} features per head; this library computes {FeatureSpace.Dimension}.");
            }

            bias[head] = linear.Bias;
            slope[head] = heads[head].Calibrator.Slope;
            offset[head] = heads[head].Calibrator.Offset;
        }

        // ML.NET exposes the weights one index at a time; the heads are copied in parallel.
        Parallel.For(0, LinearHeads.Count, head =>
        {
            var source = heads[head].SubModel.Weights;
            var copy = new float[source.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = source[i];
            }

            weights[head] = copy;
        });

        return new LinearHeads(weights, bias, slope, offset, idf, calibration);
    }
}
