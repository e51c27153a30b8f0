using System.Text;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary>
/// Reads lines (ended by <c>\n</c> or <c>\r\n</c>) keeping at most <paramref name="maxLength"/> characters of any of
/// them: a longer line is read through to its end but not kept, so memory stays bounded whatever the input.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _count;

    /// <summary>The longest line kept, in characters.</summary>
    public int MaxLength => maxLength;

    /// <summary>Reads the next line.</summary>
    /// <param name="line">The line, or null when it was longer than <see cref="MaxLength"/>.</param>
    /// <param name="length">The line's length, in characters.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadLine(out string? line, out long length)
    {
        _line.Clear();
        length = 0;
        var any = false;
        var tooLong = false;
        while (true)
        {
            if (_position == _count)
            {
                _count = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_count == 0)
                {
                    if (!any)
                    {
                        line = null;
                        return false;
                    }

                    break;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _count - _position);
            var newline = span.IndexOf('\n');
            var part = newline < 0 ? span : span[..newline];
            length += part.Length;
            if (!tooLong && length > maxLength + 1)
            {
                tooLong = true;
                _line.Clear();
            }

            if (!tooLong)
            {
                _line.Append(part);
            }

            _position += part.Length + (newline < 0 ? 0 : 1);
            if (newline >= 0)
            {
                break;
            }
        }

        if (!tooLong && _line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
            length--;
        }

        tooLong |= length > maxLength;
        line = tooLong ? null : _line.ToString();
        return true;
    }
}
