using ScamScriptClassifier.Cli.Commands;

namespace ScamScriptClassifier.Tests.Cli;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public void TryReadLine_LinesAndLineEndings_AreReadAsReadLineReadsThem()
    {
        var reader = new BoundedLineReader(new StringReader("a\r\nbb\n\nccc"), 10);

        var lines = new List<string?>();
        while (reader.TryReadLine(out var line, out _))
        {
            lines.Add(line);
        }

        Assert.Equal(["a", "bb", "", "ccc"], lines);
    }

    [Fact]
    public void TryReadLine_LineOverTheLimit_IsSkippedWithItsLengthAndTheNextLineIsRead()
    {
        var reader = new BoundedLineReader(new StringReader(new string('x', 11) + "\nok\n" + new string('y', 10) + "\n"), 10);

        Assert.True(reader.TryReadLine(out var first, out var firstLength));
        Assert.True(reader.TryReadLine(out var second, out _));
        Assert.True(reader.TryReadLine(out var third, out _));
        Assert.False(reader.TryReadLine(out _, out _));

        Assert.Null(first);
        Assert.Equal(11, firstLength);
        Assert.Equal("ok", second);
        Assert.Equal(new string('y', 10), third);
    }

    [Fact]
    public void TryReadLine_HundredMillionCharacterLine_KeepsMemoryBoundedByTheLimit()
    {
        const int Limit = 1 << 20;
        var reader = new BoundedLineReader(new EndlessLine(100_000_000), Limit);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(reader.TryReadLine(out var line, out var length));

        Assert.Null(line);
        Assert.Equal(100_000_000, length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8L * Limit, "allocated more than the limit allows");
    }

    /// <summary>One line of <paramref name="length"/> characters, generated as it is read.</summary>
    private sealed class EndlessLine(long length) : TextReader
    {
        private long _left = length;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = (int)Math.Min(count, _left);
            buffer.AsSpan(index, n).Fill('a');
            _left -= n;
            return n;
        }
    }
}
