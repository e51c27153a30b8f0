using System.Buffers.Binary;
using System.Diagnostics;
using ScamScriptClassifier.Scoring;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Robustness;

/// <summary>
/// A few hundred mutations of the trained test model (truncations, byte flips, size and header fields, entry swaps):
/// each loads or is refused with a <see cref="ScamModelException"/>, in bounded time and memory. Seeded: a failure
/// names the case, which replays.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ModelLoaderFuzzTests(TrainedModelFixture fixture)
{
    private const int Seed = 20261207;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);
    private const long MaxAllocatedPerCase = 512L << 20;

    [Fact]
    public void Load_MutatedModels_LoadOrThrowScamModelException()
    {
        using var buffer = new MemoryStream();
        fixture.Model.Save(buffer);
        var original = buffer.ToArray();
        var random = new Random(Seed);
        var problems = new List<string>();
        var (loaded, refused) = (0, 0);
        var total = Stopwatch.StartNew();

        foreach (var (description, bytes) in Mutations(original, random))
        {
            var watch = Stopwatch.StartNew();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ScamModelFile.Load(bytes, description);
                loaded++;
            }
            catch (ScamModelException ex) when (ex.Message.Contains($"\"{description}\"", StringComparison.Ordinal))
            {
                refused++;
            }
            catch (Exception ex)
            {
                problems.Add($"{description}: {ex.GetType().Name}: {ex.Message}");
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (watch.Elapsed > PerCase || allocated > MaxAllocatedPerCase)
            {
                problems.Add($"{description}: {watch.Elapsed.TotalSeconds:0.0} s, {allocated >> 20} MiB allocated");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(loaded + refused >= 300, $"{loaded + refused} cases");
        Assert.True(refused > 0 && total.Elapsed < TimeSpan.FromMinutes(3), $"{loaded} loaded, {refused} refused in {total.Elapsed}");
    }

    private static IEnumerable<(string Description, byte[] Bytes)> Mutations(byte[] original, Random random)
    {
        var records = ZipSurgery.Records(original);
        var directoryStart = records[0].Offset;

        for (var i = 0; i < 60; i++)
        {
            var length = random.Next(0, original.Length);
            yield return ($"truncated to {length} bytes", original[..length]);
        }

        for (var i = 0; i < 100; i++)
        {
            var (at, value) = (random.Next(original.Length), (byte)random.Next(1, 256));
            yield return ($"byte {at} xor {value}", Flip(original, at, value));
        }

        for (var i = 0; i < 60; i++)
        {
            // Headers: the central directory and the end record, or an entry's local header.
            var at = i % 2 == 0
                ? random.Next(directoryStart, original.Length)
                : (int)BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(records[random.Next(records.Count)].Offset + 42)) + random.Next(30);
            var value = (byte)random.Next(1, 256);
            yield return ($"header byte {at} xor {value}", Flip(original, at, value));
        }

        int[] fields = [20, 24, 28, 30, 42];
        uint[] values = [0, 1, 7, 0x7FFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF];
        for (var i = 0; i < 40; i++)
        {
            var record = records[random.Next(records.Count)];
            var field = fields[random.Next(fields.Length)];
            var width = field is 28 or 30 ? 2 : 4;
            var old = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(record.Offset + field)) : BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(record.Offset + field));
            var value = random.Next(3) switch
            {
                0 => values[random.Next(values.Length)],
                1 => (uint)(old + random.Next(-2, 3)),
                _ => (uint)random.Next(),
            };
            var copy = (byte[])original.Clone();
            if (width == 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(record.Offset + field), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(record.Offset + field), value);
            }

            yield return ($"{record.Name} field {field} = {value}", copy);
        }

        for (var i = 0; i < 10; i++)
        {
            var record = records[random.Next(records.Count)];
            var size = (long)uint.MaxValue + random.NextInt64(1L << 40);
            yield return ($"{record.Name} zip64 size {size}", ZipSurgery.WithRecordedSize(original, record.Name, size));
        }

        var entries = ZipSurgery.Entries(original);
        for (var i = 0; i < 40; i++)
        {
            var copy = entries.ToList();
            var (a, b) = (random.Next(copy.Count), random.Next(copy.Count));
            string description;
            switch (i % 4)
            {
                case 0:
                    (copy[a], copy[b]) = ((copy[a].Name, copy[b].Content), (copy[b].Name, copy[a].Content));
                    description = $"contents of {copy[a].Name} and {copy[b].Name} swapped";
                    break;
                case 1:
                    description = $"{copy[a].Name} removed";
                    copy.RemoveAt(a);
                    break;
                case 2:
                    description = $"{copy[a].Name} renamed {copy[b].Name}";
                    copy[a] = (copy[b].Name, copy[a].Content);
                    break;
                default:
                    description = $"entries shuffled ({i})";
                    copy = [.. copy.OrderBy(_ => random.Next())];
                    break;
            }

            yield return (description, ZipSurgery.Build(copy));
        }
    }

    private static byte[] Flip(byte[] original, int at, byte value)
    {
        var copy = (byte[])original.Clone();
        copy[at] ^= value;
        return copy;
    }
}
