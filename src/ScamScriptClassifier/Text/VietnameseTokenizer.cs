using System.Runtime.CompilerServices;

namespace ScamScriptClassifier.Text;

/// <summary>
/// One pass over the caller's text that yields normalised syllables: NFD marks composed as NFC, case
/// folded, a diacritic-free twin for each token, teencode expanded, phone numbers, amounts, account
/// numbers, links and codes replaced by placeholders, and transcript speaker labels dropped. Allocates
/// nothing; every token keeps its offsets in the original text.
/// </summary>
internal static class VietnameseTokenizer
{
    /// <summary>Longer words are cut to this many characters (no real word comes close).</summary>
    public const int MaxTokenLength = 48;

    private const int MaxParts = 4;
    private const int MaxLabelLength = 24;

    public static void Tokenize<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        // Inline arrays rather than stackalloc: a method that stackallocs is compiled once, without profile-guided tiering.
        var accentedBuffer = default(TokenBuffer);
        var foldedBuffer = default(TokenBuffer);
        Span<char> accented = accentedBuffer;
        Span<char> folded = foldedBuffer;
        var context = default(Context);
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                // Most of what lies between words; a speaker label after leading spaces is still found.
                i++;
                continue;
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                sink.OnBoundary();
                context = default;
                lineStart = true;
                i++;
                continue;
            }

            if (lineStart)
            {
                lineStart = false;
                i = SkipSpeakerLabel(text, i);
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '+' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i, accented, folded, ref sink, ref context);
            }
            else if (VietnameseAlphabet.LowerLetter(c) != '\0')
            {
                i = ScanWord(text, i, accented, folded, ref sink, ref context);
            }
            else
            {
                if (c is '.' or '!' or '?' or ';' or '…')
                {
                    sink.OnBoundary();
                }
                else if (IsQuotationMark(text, i, context.Quoted))
                {
                    sink.OnBoundary();
                    context.Quoted = c switch
                    {
                        '“' or '«' or '‘' => true,
                        '”' or '»' or '’' => false,
                        _ => !context.Quoted,
                    };
                }

                i++;
            }
        }
    }

    /// <summary>What the previous token says about the next number: an account number follows "số tài khoản", a code follows "mã".</summary>
    private struct Context
    {
        /// <summary>"Mã OTP của bạn là 483920": a code may come a few words after its cue.</summary>
        private const int CodeCueReach = 5;

        public bool AfterSo;
        public bool AfterAccountCue;

        /// <summary>Inside quotation marks, until they close or the line ends (every cue here ends with the line).</summary>
        public bool Quoted;
        private int _tokensSinceCodeCue;

        public readonly bool AfterCodeCue => _tokensSinceCodeCue is > 0 and <= CodeCueReach;

        public void Update(ReadOnlySpan<char> folded)
        {
            // One switch (compiled to a test of length, then of characters) instead of a comparison per cue.
            var cue = folded switch
            {
                "so" => Cue.So,
                "khoan" or "stk" or "tk" or "acc" or "account" => Cue.Account,
                "otp" or "ma" or "code" or "pin" => Cue.Code,
                _ => Cue.None,
            };
            AfterSo = cue == Cue.So;
            AfterAccountCue = cue == Cue.Account;
            _tokensSinceCodeCue = cue == Cue.Code ? 1
                : _tokensSinceCodeCue > 0 ? _tokensSinceCodeCue + 1
                : 0;
        }
    }

    private enum Cue
    {
        None,
        So,
        Account,
        Code,
    }

    private static void Emit<TSink>(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, ref TSink sink, ref Context context)
        where TSink : struct, ITokenSink
    {
        sink.OnToken(accented, folded, start, end, context.Quoted);
        context.Update(folded);
    }

    private static void EmitPlaceholder<TSink>(string placeholder, int start, int end, ref TSink sink, ref Context context)
        where TSink : struct, ITokenSink =>
        Emit(placeholder, placeholder, start, end, ref sink, ref context);

    private static void EmitWord<TSink>(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, ref TSink sink, ref Context context)
        where TSink : struct, ITokenSink
    {
        if (Teencode.TryExpand(folded, out var expansion)
            && (expansion.OnlyAfterFolded is null || context.AfterSo))
        {
            for (var k = 0; k < expansion.Accented.Length; k++)
            {
                Emit(expansion.Accented[k], expansion.Folded[k], start, end, ref sink, ref context);
            }

            return;
        }

        Emit(accented, folded, start, end, ref sink, ref context);
    }

    /// <summary>
    /// A word: letters, digits after a letter, combining marks composed onto the letter before them, and
    /// zero-width characters ignored. "tt-tt" and "tt&amp;tt" are read whole first, so the teencode table
    /// can see them, and split at the joiner otherwise.
    /// </summary>
    private static int ScanWord<TSink>(ReadOnlySpan<char> text, int i, Span<char> accented, Span<char> folded, ref TSink sink, ref Context context)
        where TSink : struct, ITokenSink
    {
        var offsets = default(WordParts);
        Span<int> partBufferStart = offsets.BufferStart;
        Span<int> partBufferEnd = offsets.BufferEnd;
        Span<int> partTextStart = offsets.TextStart;
        Span<int> partTextEnd = offsets.TextEnd;
        var parts = 1;
        partBufferStart[0] = 0;
        partTextStart[0] = i;
        var length = 0;
        var lastLetterKept = false;
        var j = i;
        while (j < text.Length)
        {
            var copied = VietnameseAlphabet.CopyLetters(text, j, accented, folded, ref length);
            if (copied > j)
            {
                lastLetterKept = true;
                j = copied;
                if (j == text.Length)
                {
                    break;
                }
            }

            var ch = text[j];
            var lower = VietnameseAlphabet.LowerLetterOrDigit(ch);
            if (lower != '\0')
            {
                lastLetterKept = length < accented.Length;
                if (lastLetterKept)
                {
                    accented[length] = lower;
                    folded[length] = VietnameseAlphabet.Fold(lower);
                    length++;
                }
            }
            else if (VietnameseAlphabet.IsCombiningMark(ch))
            {
                // A mark belongs to the letter before it, and only if that letter was kept.
                if (lastLetterKept && VietnameseAlphabet.TryCompose(accented[length - 1], ch, out var composed))
                {
                    accented[length - 1] = composed;
                }
            }
            else if (!VietnameseAlphabet.IsIgnorable(ch))
            {
                if ((ch is '-' or '&') && parts < MaxParts && length < accented.Length - 1
                    && j + 1 < text.Length && char.IsLetter(text[j + 1]))
                {
                    partBufferEnd[parts - 1] = length;
                    partTextEnd[parts - 1] = j;
                    accented[length] = ch;
                    folded[length] = ch;
                    length++;
                    partBufferStart[parts] = length;
                    partTextStart[parts] = j + 1;
                    parts++;
                }
                else
                {
                    break;
                }
            }

            j++;
        }

        partBufferEnd[parts - 1] = length;
        partTextEnd[parts - 1] = j;

        // A link starts like a word; it is only looked for where a word runs into '.', ':', '/' or '@'.
        if (j + 1 < text.Length && text[j] is '.' or ':' or '/' or '@' && !char.IsWhiteSpace(text[j + 1]))
        {
            var urlLength = UrlLength(text[i..]);
            if (urlLength > 0)
            {
                EmitPlaceholder(Placeholders.Url, i, i + urlLength, ref sink, ref context);
                return i + urlLength;
            }
        }

        if (parts == 1 || Teencode.TryExpand(folded[..length], out _))
        {
            EmitWord(accented[..length], folded[..length], i, j, ref sink, ref context);
            return j;
        }

        for (var p = 0; p < parts; p++)
        {
            var range = partBufferStart[p]..partBufferEnd[p];
            EmitWord(accented[range], folded[range], partTextStart[p], partTextEnd[p], ref sink, ref context);
        }

        return j;
    }

    /// <summary>
    /// A number and what it is: a phone number in any Vietnamese format (0912 345 678, 091.234.5678,
    /// +84 912 345 678), an amount (500k, 20tr, 2 củ, 1.500.000đ), an account number, a code after "mã"/"OTP",
    /// or a short literal such as 156, 5656 or "phím 9", which stays as it is.
    /// </summary>
    private static int ScanNumber<TSink>(ReadOnlySpan<char> text, int i, Span<char> accented, Span<char> folded, ref TSink sink, ref Context context)
        where TSink : struct, ITokenSink
    {
        var j = i;
        var plus = text[j] == '+';
        if (plus)
        {
            j++;
        }

        var digits = 0;
        var groups = 1;
        var firstGroupEnd = -1;
        var hasDecimalSeparator = false;
        char first = '\0', second = '\0';
        while (j < text.Length)
        {
            var ch = text[j];
            if (char.IsAsciiDigit(ch))
            {
                if (digits == 0)
                {
                    first = ch;
                }
                else if (digits == 1)
                {
                    second = ch;
                }

                digits++;
                j++;
                continue;
            }

            var phoneLike = plus || first == '0' || (first == '8' && second == '4');
            var separates = ch is '.' or ',' || (phoneLike && ch is ' ' or '-' or '\u00A0');
            if (!separates || digits == 0 || j + 1 >= text.Length || !char.IsAsciiDigit(text[j + 1]))
            {
                break;
            }

            if (firstGroupEnd < 0)
            {
                firstGroupEnd = j;
            }

            hasDecimalSeparator |= ch is '.' or ',';
            groups++;
            j++;
        }

        var end = j;
        var unitEnd = MoneyUnitEnd(text, end);
        if (unitEnd > 0)
        {
            EmitPlaceholder(Placeholders.Money, i, unitEnd, ref sink, ref context);
            return unitEnd;
        }

        if (groups == 1 && !plus && end < text.Length && char.IsLetter(text[end]))
        {
            // "4g", "2h", "5g": a word that starts with digits.
            return ScanWord(text, i, accented, folded, ref sink, ref context);
        }

        var isPhone = (plus && digits is >= 9 and <= 12)
            || (first == '8' && second == '4' && digits == 11)
            || (first == '0' && digits is 10 or 11);
        string? placeholder = null;
        if (isPhone)
        {
            placeholder = context.AfterAccountCue ? Placeholders.Account : Placeholders.Phone;
        }
        else if (hasDecimalSeparator && groups >= 2 && digits >= 4)
        {
            placeholder = Placeholders.Money;
        }
        else if (digits >= 8)
        {
            placeholder = Placeholders.Account;
        }
        else if (digits >= 4 && context.AfterCodeCue)
        {
            placeholder = Placeholders.Otp;
        }
        else if (digits >= 5)
        {
            placeholder = Placeholders.Number;
        }

        if (placeholder is not null)
        {
            EmitPlaceholder(placeholder, i, end, ref sink, ref context);
            return end;
        }

        // A short literal: keep only its first group, the rest is read as the next token.
        var literalEnd = firstGroupEnd > 0 ? firstGroupEnd : end;
        var literalStart = plus ? i + 1 : i;
        var length = Math.Min(literalEnd - literalStart, accented.Length);
        text.Slice(literalStart, length).CopyTo(accented);
        text.Slice(literalStart, length).CopyTo(folded);
        Emit(accented[..length], folded[..length], i, literalEnd, ref sink, ref context);
        return literalEnd;
    }

    /// <summary>
    /// Straight and curly double quotes, guillemets, curly single quotes, and a straight single quote that stands
    /// at a word's edge (an opening one before a word, a closing one after it).
    /// </summary>
    private static bool IsQuotationMark(ReadOnlySpan<char> text, int i, bool quoted)
    {
        var c = text[i];
        if (c is '"' or '“' or '”' or '«' or '»' or '‘' or '’')
        {
            return true;
        }

        if (c != '\'')
        {
            return false;
        }

        var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
        var after = i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]);
        return quoted ? after : before && !after;
    }

    /// <summary>The end of a money unit right after a number ("k", "tr", " triệu", " củ", "đ", " VND"), or 0.</summary>
    private static int MoneyUnitEnd(ReadOnlySpan<char> text, int numberEnd)
    {
        if (numberEnd >= text.Length)
        {
            return 0;
        }

        if (text[numberEnd] is '$' or '₫')
        {
            return numberEnd + 1;
        }

        var spaced = text[numberEnd] == ' ';
        var start = spaced ? numberEnd + 1 : numberEnd;
        Span<char> unit = stackalloc char[8];
        var length = 0;
        var j = start;
        while (j < text.Length && (char.IsLetter(text[j]) || VietnameseAlphabet.IsCombiningMark(text[j])))
        {
            if (char.IsLetter(text[j]))
            {
                if (length == unit.Length)
                {
                    return 0;
                }

                unit[length++] = VietnameseAlphabet.Fold(text[j]);
            }

            j++;
        }

        var word = unit[..length];
        var isUnit = word is "k" or "tr" or "trieu" or "cu" or "dong" or "vnd" or "nghin" or "ngan" or "ty" or "ti" or "usd" or "vnđ"
            || (!spaced && word is "d");
        if (!isUnit)
        {
            return 0;
        }

        // "1tr5" is one and a half million.
        while (j < text.Length && char.IsAsciiDigit(text[j]) && word is "tr" or "cu" or "ty")
        {
            j++;
        }

        return j;
    }

    /// <summary>The length of a link or e-mail address starting here (trailing punctuation excluded), or 0.</summary>
    private static int UrlLength(ReadOnlySpan<char> text)
    {
        var run = 0;
        while (run < text.Length && !char.IsWhiteSpace(text[run]) && run < 512)
        {
            run++;
        }

        if (run > 0 && char.IsHighSurrogate(text[run - 1]))
        {
            run--;
        }

        while (run > 0 && text[run - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\'' or '”')
        {
            run--;
        }

        var candidate = text[..run];
        if (candidate.IndexOf("://".AsSpan()) > 0
            || candidate.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || (candidate.IndexOf('@') > 0 && candidate.LastIndexOf('.') > candidate.IndexOf('@')))
        {
            return run;
        }

        var hostEnd = candidate.IndexOf('/');
        var host = hostEnd < 0 ? candidate : candidate[..hostEnd];
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == host.Length - 1)
        {
            return 0;
        }

        var tld = host[(lastDot + 1)..];
        Span<char> lower = stackalloc char[8];
        if (tld.Length > lower.Length)
        {
            return 0;
        }

        var written = tld.ToLowerInvariant(lower);
        return written > 0 && IsKnownTopLevelDomain(lower[..written]) ? run : 0;
    }

    private static bool IsKnownTopLevelDomain(ReadOnlySpan<char> tld) =>
        tld is "vn" or "com" or "net" or "org" or "ly" or "info" or "xyz" or "top" or "cc" or "me" or "io"
            or "link" or "site" or "online" or "app" or "gov" or "club" or "vip" or "shop" or "store" or "live"
            or "pro" or "asia" or "biz" or "tk" or "ml" or "ga" or "cf" or "gl" or "co" or "ws" or "icu" or "cn";

    /// <summary>
    /// The speaker label <paramref name="line"/> starts with, by the rule the tokenizer drops labels with
    /// (<c>A:</c>, <c>Người gọi:</c>, <c>Speaker 1:</c>, <c>[Cán bộ]</c>): the label without its colon or brackets,
    /// or null for an unlabelled line, a dialogue dash (<c>- alo</c>) or a warning heading (<c>Cảnh báo:</c>).
    /// </summary>
    internal static string? SpeakerLabelOf(string line)
    {
        var text = line.AsSpan();
        var start = SkipLineLeaders(text, 0);
        var end = SkipSpeakerLabel(text, 0);
        if (end <= start)
        {
            return null;
        }

        var label = text[start..end].Trim();
        label = label[0] == '[' ? label[1..^1] : label[..^1];
        return label.Trim().ToString();
    }

    /// <summary>Skips the blanks, dialogue dashes and bullets a transcript line may start with.</summary>
    private static int SkipLineLeaders(ReadOnlySpan<char> text, int i)
    {
        var j = i;
        while (j < text.Length && (text[j] is ' ' or '\t' or '-' or '–' or '—' or '*' or '•' or '>' || text[j] == '\u00A0'))
        {
            j++;
        }

        return j;
    }

    /// <summary>
    /// Drops a transcript speaker label at the start of a line ("A:", "Người gọi:", "[Cán bộ]", "- "), so
    /// that no labelling style can stand in for the label. A warning heading ("Cảnh báo:") is kept.
    /// </summary>
    private static int SkipSpeakerLabel(ReadOnlySpan<char> text, int i)
    {
        var j = SkipLineLeaders(text, i);

        if (j >= text.Length)
        {
            return j;
        }

        // Lengths count letters, not combining marks, so a label reads the same in NFC and NFD.
        if (text[j] == '[')
        {
            var counted = 0;
            for (var k = j + 1; k < text.Length && counted <= MaxLabelLength; k++)
            {
                if (text[k] == ']')
                {
                    return k + 1;
                }

                if (!VietnameseAlphabet.IsCombiningMark(text[k]))
                {
                    counted++;
                }
            }

            return j;
        }

        var spaces = 0;
        var length = 0;
        for (var k = j; k < text.Length && length < MaxLabelLength; k++)
        {
            var ch = text[k];
            if (ch == ':')
            {
                return k > j && spaces <= 2 && !IsHeading(text[j..k]) ? k + 1 : j;
            }

            if (VietnameseAlphabet.IsCombiningMark(ch))
            {
                continue;
            }

            length++;
            if (ch == ' ')
            {
                spaces++;
            }
            else if (!char.IsLetterOrDigit(ch) && ch is not '.' and not '(' and not ')')
            {
                return j;
            }
        }

        return j;
    }

    private static bool IsHeading(ReadOnlySpan<char> label)
    {
        Span<char> folded = stackalloc char[MaxLabelLength];
        var length = 0;
        foreach (var ch in label)
        {
            if (!VietnameseAlphabet.IsCombiningMark(ch) && length < folded.Length)
            {
                folded[length++] = VietnameseAlphabet.Fold(ch);
            }
        }

        var word = folded[..length].Trim();
        return word is "canh bao" or "luu y" or "chu y" or "thong bao" or "khuyen cao" or "quan trong" or "khan"
            or "tb" or "nd" or "noi dung";
    }

    [InlineArray(MaxTokenLength)]
    private struct TokenBuffer
    {
        private char _first;
    }

    [InlineArray(MaxParts)]
    private struct PartOffsets
    {
        private int _first;
    }

    /// <summary>Where each part of a joined word ("tt-tt") lies, in the token buffer and in the text.</summary>
    private struct WordParts
    {
        public PartOffsets BufferStart;
        public PartOffsets BufferEnd;
        public PartOffsets TextStart;
        public PartOffsets TextEnd;
    }
}
