using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ScamScriptClassifier.Tests.Support;

/// <summary>Edits a zip archive's bytes as an attacker would: recorded sizes, entry contents, entry order.</summary>
internal static class ZipSurgery
{
    private const uint CentralHeader = 0x02014b50;
    private const uint EndOfCentralDirectory = 0x06054b50;

    /// <summary>One central directory record: where it starts, how long it is, and the entry it names.</summary>
    public sealed record Record(int Offset, int Length, string Name);

    public static IReadOnlyList<Record> Records(byte[] zip)
    {
        var end = EndRecord(zip);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var records = new List<Record>(count);
        for (var i = 0; i < count; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)) != CentralHeader)
            {
                throw new InvalidOperationException("not a central directory record");
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 32));
            var length = 46 + nameLength + extraLength + commentLength;
            records.Add(new Record(offset, length, Encoding.UTF8.GetString(zip, offset + 46, nameLength)));
            offset += length;
        }

        return records;
    }

    /// <summary>
    /// The archive with <paramref name="name"/>'s recorded uncompressed size set to <paramref name="size"/> in the
    /// central directory; a size of 4 GiB or more is written as a zip64 extra field.
    /// </summary>
    public static byte[] WithRecordedSize(byte[] zip, string name, long size)
    {
        var record = Records(zip).Single(r => r.Name == name);
        if (size < uint.MaxValue)
        {
            var copy = (byte[])zip.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(record.Offset + 24), (uint)size);
            return copy;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(record.Offset + 28));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(record.Offset + 30));
        var zip64 = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(zip64, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(zip64.AsSpan(2), 8);
        BinaryPrimitives.WriteInt64LittleEndian(zip64.AsSpan(4), size);
        var insertAt = record.Offset + 46 + nameLength + extraLength;
        var result = new byte[zip.Length + zip64.Length];
        zip.AsSpan(0, insertAt).CopyTo(result);
        zip64.CopyTo(result.AsSpan(insertAt));
        zip.AsSpan(insertAt).CopyTo(result.AsSpan(insertAt + zip64.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(record.Offset + 4), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(record.Offset + 6), 45);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(record.Offset + 24), uint.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(record.Offset + 30), (ushort)(extraLength + zip64.Length));
        var end = EndRecord(result);
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(end + 12));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(end + 12), directorySize + (uint)zip64.Length);
        return result;
    }

    /// <summary>Every entry's name and content, in archive order.</summary>
    public static List<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        }).ToList();
    }

    /// <summary>A new archive of these entries, compressed at the fastest level.</summary>
    public static byte[] Build(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The archive with <paramref name="name"/>'s content replaced (the manifest's checksum is not updated).</summary>
    public static byte[] WithContent(byte[] zip, string name, byte[] content) =>
        Build(Entries(zip).Select(e => e.Name == name ? (e.Name, content) : e));

    private static int EndRecord(byte[] zip)
    {
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == EndOfCentralDirectory)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no end of central directory record");
    }
}
