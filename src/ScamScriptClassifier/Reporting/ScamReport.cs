using System.Text;
using ScamScriptClassifier.Text;

namespace ScamScriptClassifier;

/// <summary>
/// A report for the 156 / 5656 hotline in its official syntax, <c>LD &lt;number&gt; &lt;content&gt;</c>, with what the
/// text mentions: phone numbers, bank accounts and amounts.
/// </summary>
/// <param name="Message">The SMS to send, without diacritics, e.g. <c>LD 0912345678 Gia danh Giam doc So TTTT, doa khoa thue bao, yeu cau chuyen tien</c>.</param>
/// <param name="ReportedNumber">The number being reported, in 0xxxxxxxxx form.</param>
/// <param name="Recipients">Where to send it: 156, or 5656.</param>
/// <param name="PhoneNumbers">Phone numbers the text mentions, as written.</param>
/// <param name="BankAccounts">Bank account numbers the text mentions, as written.</param>
/// <param name="Amounts">Amounts of money the text mentions, as written.</param>
public sealed record ScamReport(
    string Message,
    string ReportedNumber,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> PhoneNumbers,
    IReadOnlyList<string> BankAccounts,
    IReadOnlyList<string> Amounts);

/// <summary>Composes <see cref="ScamReport"/>s.</summary>
public static class ScamReports
{
    /// <summary>The hotlines that take <c>LD</c> reports.</summary>
    public static IReadOnlyList<string> Hotlines { get; } = ["156", "5656"];

    /// <summary>
    /// Composes the report for a flagged text. The reported number is <paramref name="callerNumber"/> when given,
    /// else the first phone number the text mentions.
    /// </summary>
    /// <exception cref="ArgumentException">The assessment is not flagged, or there is no number to report.</exception>
    public static ScamReport Compose(string text, ScamAssessment assessment, string? callerNumber = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.IsScam)
        {
            throw new ArgumentException("Only a flagged assessment (IsScam) is reported.", nameof(assessment));
        }

        var entities = Extract(text);
        var number = callerNumber ?? entities.Phones.FirstOrDefault()
            ?? throw new ArgumentException("No caller number was given and the text mentions none: nothing to report.", nameof(callerNumber));
        var digits = Digits(number);
        if (digits.Length < 9)
        {
            throw new ArgumentException($"\"{number}\" is not a phone number.", nameof(callerNumber));
        }

        var message = $"LD {digits} {Summary(text, assessment)}";
        return new ScamReport(message, digits, Hotlines, entities.Phones, entities.Accounts, entities.Amounts);
    }

    /// <summary>"Gia danh Giam doc So TTTT, doa khoa thue bao, yeu cau chuyen tien": who was impersonated, then each pattern found.</summary>
    private static string Summary(string text, ScamAssessment assessment)
    {
        var party = PartyIn(Fold(text));
        var parts = PatternTable.PresentIn(assessment.Patterns).Select(row => row.ReportPhrase(party)).ToList();
        return parts.Count == 0 ? "Cuoc goi lua dao" : string.Join(", ", parts);
    }

    /// <summary>Who a folded text (see <see cref="Fold"/>) says is speaking or writing.</summary>
    internal static ImpersonatedParty PartyIn(string folded)
    {
        var department = folded.Contains("thong tin truyen thong", StringComparison.Ordinal) || folded.Contains("thong tin va truyen thong", StringComparison.Ordinal)
            || folded.Contains("so thong tin", StringComparison.Ordinal) || folded.Contains("tttt", StringComparison.Ordinal)
            || folded.Contains("tt-tt", StringComparison.Ordinal) || folded.Contains("tt&tt", StringComparison.Ordinal);
        if (department)
        {
            return folded.Contains("giam doc", StringComparison.Ordinal) ? ImpersonatedParty.DepartmentDirector : ImpersonatedParty.DepartmentOfficer;
        }

        if (folded.Contains("cong an", StringComparison.Ordinal))
        {
            return ImpersonatedParty.Police;
        }

        if (folded.Contains("nha mang", StringComparison.Ordinal) || folded.Contains("viettel", StringComparison.Ordinal)
            || folded.Contains("vinaphone", StringComparison.Ordinal) || folded.Contains("mobifone", StringComparison.Ordinal))
        {
            return ImpersonatedParty.Carrier;
        }

        return ImpersonatedParty.StateAgency;
    }

    /// <summary>Lower case, without diacritics.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!VietnameseAlphabet.IsCombiningMark(c))
            {
                builder.Append(VietnameseAlphabet.Fold(c));
            }
        }

        return builder.ToString();
    }

    private static string Digits(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11 ? "0" + digits[2..] : digits;
    }

    private static (List<string> Phones, List<string> Accounts, List<string> Amounts) Extract(string text)
    {
        var collector = new EntityCollector(text);
        VietnameseTokenizer.Tokenize(text, ref collector);
        return (collector.Phones, collector.Accounts, collector.Amounts);
    }

    /// <summary>Reads back the spans the tokenizer replaced with placeholders.</summary>
    private struct EntityCollector(string text) : ITokenSink
    {
        public List<string> Phones { get; } = [];

        public List<string> Accounts { get; } = [];

        public List<string> Amounts { get; } = [];

        public readonly void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted)
        {
            var list = accented switch
            {
                Placeholders.Phone => Phones,
                Placeholders.Account => Accounts,
                Placeholders.Money => Amounts,
                _ => null,
            };
            if (list is not null && !list.Contains(text[start..end]))
            {
                list.Add(text[start..end]);
            }
        }

        public readonly void OnBoundary()
        {
        }
    }
}

/// <summary>Who a scam text claims to come from.</summary>
internal enum ImpersonatedParty
{
    DepartmentDirector,
    DepartmentOfficer,
    Police,
    Carrier,
    StateAgency,
}
