using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
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
/// hashes of the texts the model was fitted on. The manifest's payload SHA-256 covers every entry but itself. Loading
/// bounds every size before decompressing anything and checks the checksum before ML.NET reads a byte.
/// </summary>
internal static class ScamModelFile
{
    private const string OwnFolder = "ScamScript/";
    private const string ManifestEntry = OwnFolder + "manifest.json";
    private const string TrainedTextsEntry = OwnFolder + "trained-texts.bin";
    private const string EngineEntry = OwnFolder + "engine.bin";

    /// <summary>The largest model file read, in bytes (the default model is about 5 MB).</summary>
    internal const long MaxFileBytes = 256L << 20;

    /// <summary>The most entries a model file may hold (the default model holds 41).</summary>
    internal const int MaxEntries = 1024;

    /// <summary>The largest uncompressed entry, in bytes (the largest in the default model is about 1 MB).</summary>
    internal const long MaxEntryBytes = 64L << 20;

    /// <summary>The largest uncompressed total of all entries, in bytes (the default model's is about 6.4 MB).</summary>
    internal const long MaxTotalBytes = 512L << 20;

    /// <summary>The largest manifest, in bytes (the default model's is about 1 KB).</summary>
    internal const long MaxManifestBytes = 64 << 10;

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
            bytes = ReadFile(path);
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

    /// <summary>
    /// Reads and checks a model file. Every size is checked before anything is decompressed, and every entry against
    /// the manifest's payload SHA-256 before ML.NET sees a byte; whatever is wrong surfaces as a
    /// <see cref="ScamModelException"/> that names the file and the reason.
    /// </summary>
    public static LoadedModel Load(byte[] bytes, string name)
    {
        if (bytes.Length > MaxFileBytes)
        {
            throw new ScamModelException($"Model file \"{name}\" is {bytes.Length} bytes, more than the limit of {MaxFileBytes}.");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw new ScamModelException($"Model file \"{name}\" is not a model: it is not a readable zip archive ({ex.Message}).", ex);
        }

        ScamModelManifest manifest;
        ulong[] trainedTexts;
        (float[] Idf, Aggregator Aggregator, (double Slope, double Offset)[] Calibration) engine;
        using (zip)
        {
            var entries = CheckEntries(zip, name);
            manifest = ReadManifest(entries, name);
            var own = ReadPayload(entries, manifest, name);
            trainedTexts = ReadTrainedTexts(own.TrainedTexts, name);
            engine = ReadEngine(own.Engine, name);
        }

        // Every entry ML.NET reads is now known to be within the limits and to match the manifest's checksum.
        ITransformer model;
        try
        {
            model = new MLContext().Model.Load(new MemoryStream(bytes, writable: false), out _);
        }
        catch (Exception ex)
        {
            throw new ScamModelException($"Model file \"{name}\" could not be loaded by ML.NET: {ex.Message}", ex);
        }

        return new LoadedModel(ExtractHeads(model, name, engine.Idf, engine.Calibration), engine.Aggregator, manifest, trainedTexts, model);
    }

    /// <summary>
    /// Reads a regular file of known size, at most <see cref="MaxFileBytes"/>: a device, pipe or special file reports
    /// no size and is refused before it is opened, so <c>/dev/zero</c> or a FIFO is not read (or waited on) at all.
    /// </summary>
    private static byte[] ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new ScamModelException($"Model file \"{path}\" is a directory, not a model file.");
        }

        if (!info.Exists)
        {
            throw new FileNotFoundException($"No file at \"{path}\".", path);
        }

        var length = info.Length;
        if (length == 0)
        {
            throw new ScamModelException($"Model file \"{path}\" is empty or not a regular file (a device, pipe or special file cannot hold a model).");
        }

        if (length > MaxFileBytes)
        {
            throw new ScamModelException($"Model file \"{path}\" is {length} bytes, more than the limit of {MaxFileBytes}.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var bytes = new byte[length];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read != bytes.Length)
        {
            throw new ScamModelException($"Model file \"{path}\" changed while it was read ({read} of {length} bytes).");
        }

        return bytes;
    }

    /// <summary>The exceptions a damaged or crafted archive can raise from System.IO.Compression and the readers.</summary>
    private static bool IsDamage(Exception ex) =>
        ex is InvalidDataException or IOException or OverflowException or ArgumentException or NotSupportedException
            or FormatException or InvalidOperationException or IndexOutOfRangeException;

    /// <summary>Checks the entries' number, names and recorded sizes before any of them is decompressed.</summary>
    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, string name)
    {
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = zip.Entries;
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw new ScamModelException($"Model file \"{name}\" is not a model: it is not a readable zip archive ({ex.Message}).", ex);
        }

        if (all.Count > MaxEntries)
        {
            throw new ScamModelException($"Model file \"{name}\" holds {all.Count} entries, more than the limit of {MaxEntries}.");
        }

        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in all)
        {
            if (!entries.TryAdd(entry.FullName, entry))
            {
                throw new ScamModelException($"Model file \"{name}\" holds the entry \"{entry.FullName}\" twice.");
            }

            var limit = entry.FullName == ManifestEntry ? MaxManifestBytes : MaxEntryBytes;
            if (entry.Length < 0 || entry.Length > limit)
            {
                throw new ScamModelException(
                    $"Model file \"{name}\" has an entry \"{entry.FullName}\" that expands to {entry.Length} bytes, more than the limit of {limit}.");
            }

            total += entry.Length;
            if (total > MaxTotalBytes)
            {
                throw new ScamModelException($"Model file \"{name}\" expands to more than the limit of {MaxTotalBytes} bytes.");
            }
        }

        return entries;
    }

    /// <summary>
    /// Decompresses one entry, hashing it into <paramref name="hash"/> and keeping it when <paramref name="keep"/>;
    /// refuses it as soon as it yields more than its recorded size (which <see cref="CheckEntries"/> has bounded),
    /// or when it yields less.
    /// </summary>
    private static byte[]? ReadEntry(ZipArchiveEntry entry, string name, IncrementalHash? hash, bool keep)
    {
        try
        {
            var length = entry.Length;
            var kept = keep ? new byte[length] : null;
            var chunk = new byte[81920];
            long total = 0;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (total + read > length)
                {
                    throw new InvalidDataException($"it holds more than its recorded {length} bytes");
                }

                hash?.AppendData(chunk.AsSpan(0, read));
                if (kept is not null)
                {
                    chunk.AsSpan(0, read).CopyTo(kept.AsSpan((int)total));
                }

                total += read;
            }

            if (total != length)
            {
                throw new InvalidDataException($"it holds {total} bytes, not its recorded {length}");
            }

            return kept;
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw new ScamModelException($"Model file \"{name}\" is damaged: entry \"{entry.FullName}\": {ex.Message}", ex);
        }
    }

    /// <summary>Hashes every entry but the manifest, in name order, and keeps the library's own two.</summary>
    private static (byte[] Engine, byte[]? TrainedTexts) ReadPayload(Dictionary<string, ZipArchiveEntry> entries, ScamModelManifest manifest, string name)
    {
        if (!entries.ContainsKey(EngineEntry))
        {
            throw new ScamModelException($"Model file \"{name}\" has no {EngineEntry}.");
        }

        byte[]? engine = null;
        byte[]? trainedTexts = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (entryName, entry) in entries.Where(e => e.Key != ManifestEntry).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(entryName));
            var keep = entryName is EngineEntry or TrainedTextsEntry;
            var bytes = ReadEntry(entry, name, hash, keep);
            if (entryName == EngineEntry)
            {
                engine = bytes;
            }
            else if (entryName == TrainedTextsEntry)
            {
                trainedTexts = bytes;
            }
        }

        if (!string.Equals(manifest.PayloadSha256, Convert.ToHexStringLower(hash.GetHashAndReset()), StringComparison.Ordinal))
        {
            throw new ScamModelException($"Model file \"{name}\" does not match the SHA-256 recorded in its manifest: it is damaged or was modified.");
        }

        return (engine!, trainedTexts);
    }

    /// <summary>A stable 64-bit fingerprint of a text, to recognise items a model was fitted on.</summary>
    public static ulong Fingerprint(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ReplaceLineEndings("\n")), digest);
        return BitConverter.ToUInt64(digest);
    }

    private static ScamModelManifest ReadManifest(Dictionary<string, ZipArchiveEntry> entries, string name)
    {
        if (!entries.TryGetValue(ManifestEntry, out var entry))
        {
            throw new ScamModelException($"Model file \"{name}\" has no {ManifestEntry}: it was not written by ScamScriptClassifier training.");
        }

        var bytes = ReadEntry(entry, name, hash: null, keep: true)!;
        ScamModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ScamModelManifest>(bytes, Json);
        }
        catch (Exception ex) when (ex is JsonException || IsDamage(ex))
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged manifest: {ex.Message}", ex);
        }

        if (manifest is null)
        {
            throw new ScamModelException($"Model file \"{name}\" has an empty manifest.");
        }

        if (manifest.FormatVersion < 1)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged manifest: \"formatVersion\" is {manifest.FormatVersion}, not a format version.");
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

        if (ManifestProblem(manifest) is { } problem)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged manifest: {problem}.");
        }

        return manifest;
    }

    /// <summary>The first field of the manifest whose value no training could have written, or null.</summary>
    private static string? ManifestProblem(ScamModelManifest manifest)
    {
        static bool IsProbability(double value) => value is > 0 and < 1;
        static bool IsRate(double value) => value is >= 0 and <= 1;

        if (manifest.PayloadSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower))
        {
            return "\"payloadSha256\" is not a SHA-256 in lower-case hex";
        }

        if (!IsProbability(manifest.Threshold))
        {
            return $"\"threshold\" is {manifest.Threshold}; it must be between 0 and 1 (exclusive)";
        }

        if (manifest.Profiles is { } profiles)
        {
            foreach (var (field, value) in new[] { ("balanced", profiles.Balanced), ("highRecall", profiles.HighRecall), ("highPrecision", profiles.HighPrecision) })
            {
                if (!IsProbability(value))
                {
                    return $"\"profiles.{field}\" is {value}; it must be between 0 and 1 (exclusive)";
                }
            }

            foreach (var (field, value) in new[]
            {
                ("balancedFalsePositiveRate", profiles.BalancedFalsePositiveRate),
                ("highRecallFalsePositiveRate", profiles.HighRecallFalsePositiveRate),
                ("highPrecisionFalsePositiveRate", profiles.HighPrecisionFalsePositiveRate),
            })
            {
                if (value is { } rate && !IsRate(rate))
                {
                    return $"\"profiles.{field}\" is {rate}; it must be between 0 and 1";
                }
            }
        }

        foreach (var (field, value) in new[] { ("items", manifest.Items), ("scamItems", manifest.ScamItems), ("trainItems", manifest.TrainItems) })
        {
            if (value < 0)
            {
                return $"\"{field}\" is {value}; a count cannot be negative";
            }
        }

        if (manifest.ScamItems > manifest.Items || manifest.TrainItems > manifest.Items)
        {
            return $"\"scamItems\" ({manifest.ScamItems}) and \"trainItems\" ({manifest.TrainItems}) cannot exceed \"items\" ({manifest.Items})";
        }

        if (manifest.HeldOut is { } heldOut)
        {
            if (heldOut.Items < 0)
            {
                return $"\"heldOut.items\" is {heldOut.Items}; a count cannot be negative";
            }

            foreach (var (field, value) in new[]
            {
                ("rocAuc", heldOut.RocAuc), ("prAuc", heldOut.PrAuc), ("precision", heldOut.Precision),
                ("recall", heldOut.Recall), ("f1", heldOut.F1), ("falsePositiveRate", heldOut.FalsePositiveRate),
            })
            {
                if (!IsRate(value))
                {
                    return $"\"heldOut.{field}\" is {value}; it must be between 0 and 1";
                }
            }
        }

        return null;
    }

    private static ulong[] ReadTrainedTexts(byte[]? bytes, string name)
    {
        if (bytes is null)
        {
            return [];
        }

        if (bytes.Length % sizeof(ulong) != 0)
        {
            throw new ScamModelException($"Model file \"{name}\" has a damaged {TrainedTextsEntry}: {bytes.Length} bytes, not a whole number of 8-byte hashes.");
        }

        var hashes = MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(hashes, hashes);
        }

        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] < hashes[i - 1])
            {
                throw new ScamModelException($"Model file \"{name}\" has a damaged {TrainedTextsEntry}: its hashes are not in order.");
            }
        }

        return hashes;
    }

    private static (float[] Idf, Aggregator Aggregator, (double Slope, double Offset)[] Calibration) ReadEngine(byte[] bytes, string name)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
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
        catch (Exception ex) when (ex is EndOfStreamException || IsDamage(ex))
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
