using System.Runtime.CompilerServices;
using System.Text;

namespace ScamScriptClassifier.Text;

/// <summary>
/// Character tables built once from the BCL's Unicode data: diacritic folding for every Vietnamese
/// letter (including đ), and composition of a base letter with combining marks, so NFD input can be
/// read as NFC without allocating and with offsets that still point into the caller's text.
/// </summary>
internal static class VietnameseAlphabet
{
    private const int TableSize = 0x2000;
    private static readonly char[] FoldTable = BuildFoldTable();
    private static readonly char[] LowerTable = BuildLowerTable();
    private static readonly char[] LowerLetterOrDigitTable = BuildLowerLetterOrDigitTable();
    private static readonly Dictionary<uint, char> Compositions = BuildCompositions();

    /// <summary>Lower case, no diacritics: "Ở" → 'o', "Đ" → 'd'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c < TableSize ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>The lower-case letter, '\0' for a character that is not a letter (from a table below U+2000).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char LowerLetter(char c)
    {
        if (c < TableSize)
        {
            return LowerTable[c];
        }

        return char.IsLetter(c) ? char.ToLowerInvariant(c) : '\0';
    }

    /// <summary>The lower-case letter or the ASCII digit, '\0' for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char LowerLetterOrDigit(char c) => c < TableSize ? LowerLetterOrDigitTable[c] : LowerLetter(c);

    /// <summary>
    /// The common case of a word, in a loop of its own so it stays in registers: copies the letters and digits from
    /// <paramref name="start"/> on, lower-cased into <paramref name="accented"/> and folded into
    /// <paramref name="folded"/> from <paramref name="length"/> on, while both have room. Returns where it stopped:
    /// at anything else (a combining mark, a joiner, a letter beyond the table) or at a full buffer.
    /// </summary>
    public static int CopyLetters(ReadOnlySpan<char> text, int start, Span<char> accented, Span<char> folded, ref int length)
    {
        var lowerTable = LowerLetterOrDigitTable;
        var foldTable = FoldTable;
        var written = length;
        var j = start;
        while ((uint)j < (uint)text.Length && (uint)written < (uint)accented.Length && (uint)written < (uint)folded.Length)
        {
            var c = text[j];
            if (c >= TableSize)
            {
                break;
            }

            var lower = lowerTable[c];
            if (lower == '\0')
            {
                break;
            }

            accented[written] = lower;
            folded[written] = foldTable[lower];
            written++;
            j++;
        }

        length = written;
        return j;
    }

    public static bool IsCombiningMark(char c) =>
        c is >= '\u0300' and <= '\u036F';

    /// <summary>Zero-width and format characters that may sit inside a word without splitting it.</summary>
    public static bool IsIgnorable(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>The precomposed lower-case letter for <paramref name="baseLetter"/> followed by <paramref name="mark"/>, if one exists.</summary>
    public static bool TryCompose(char baseLetter, char mark, out char composed) =>
        Compositions.TryGetValue(((uint)baseLetter << 16) | mark, out composed);

    private static char[] BuildFoldTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = c;
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is 'đ' or 'ð')
            {
                table[i] = 'd';
                continue;
            }

            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[i] = decomposed.Length > 0 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0])
                ? decomposed[0]
                : lower;
        }

        return table;
    }

    private static char[] BuildLowerTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = !char.IsSurrogate(c) && char.IsLetter(c) ? char.ToLowerInvariant(c) : '\0';
        }

        return table;
    }

    private static char[] BuildLowerLetterOrDigitTable()
    {
        var table = (char[])LowerTable.Clone();
        for (var digit = '0'; digit <= '9'; digit++)
        {
            table[digit] = digit;
        }

        return table;
    }

    private static Dictionary<uint, char> BuildCompositions()
    {
        var map = new Dictionary<uint, char>();
        for (var i = 0xC0; i < TableSize; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length < 2)
            {
                continue;
            }

            // Every prefix of the decomposition that is itself a single letter can take the next mark:
            // "a" + U+0302 → "â", "â" + U+0301 → "ấ", and, for marks typed out of canonical order,
            // "a" + U+0301 → "á", "á" + U+0302 → "ấ".
            AddChain(map, decomposed, lower);
            if (decomposed.Length == 3)
            {
                var swapped = string.Concat(decomposed[0].ToString(), decomposed[2].ToString(), decomposed[1].ToString());
                AddChain(map, swapped, lower);
            }
        }

        return map;
    }

    private static void AddChain(Dictionary<uint, char> map, string decomposed, char final)
    {
        var current = decomposed[0];
        for (var k = 1; k < decomposed.Length; k++)
        {
            var mark = decomposed[k];
            var next = k == decomposed.Length - 1
                ? final
                : ComposeSingle(decomposed.AsSpan(0, k + 1));
            if (next == '\0')
            {
                return;
            }

            map.TryAdd(((uint)current << 16) | mark, next);
            current = next;
        }
    }

    private static char ComposeSingle(ReadOnlySpan<char> letters)
    {
        var composed = new string(letters).Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : '\0';
    }
}
