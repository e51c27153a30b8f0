using ScamScriptClassifier.Scoring;

namespace ScamScriptClassifier;

/// <summary>
/// Everything the library says about one <see cref="ScamPattern"/>: where its head sits, what it is called on the wire
/// and in training, and how reports and warnings put it into words.
/// </summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="WireName">Its name in JSON, model files and training data (<c>anti_state_threat</c>).</param>
/// <param name="LabelColumn">The ML.NET label column of its head: a bool property of <see cref="Training.FeatureRow"/> of that name.</param>
/// <param name="ReportPhrase">Its part of a 156 / 5656 report, without diacritics, given who the text says is speaking.</param>
/// <param name="WarningPhrase">Its part of the warning for the person at risk, with diacritics, given who the other side claimed to be.</param>
/// <param name="SmsPhrase">Its part of the one-SMS warning, without diacritics.</param>
/// <param name="SmsRank">When the SMS cannot name every pattern, those of lower rank are kept first.</param>
internal sealed record PatternDescriptor(
    ScamPattern Pattern,
    string WireName,
    string LabelColumn,
    Func<ImpersonatedParty, string> ReportPhrase,
    Func<ImpersonatedParty, string> WarningPhrase,
    Func<ImpersonatedParty, string> SmsPhrase,
    int SmsRank)
{
    /// <summary>The index of the pattern's head among the <see cref="LinearHeads"/> (the scam head is 0).</summary>
    public int Head => (int)Pattern + 1;

    /// <summary>The column the head's calibrated probability is copied to in the ML.NET chain.</summary>
    public string ProbabilityColumn => LabelColumn + "Probability";
}

/// <summary>
/// The one table of patterns, and the one rule for when a pattern is present. Adding a pattern is a member of
/// <see cref="ScamPattern"/>, a row here (in the enum's order), <see cref="Count"/>, and training data that has it.
/// </summary>
internal static class PatternTable
{
    /// <summary>The number of patterns: a constant, because the scorer's fixed-size per-head state is sized by it.</summary>
    public const int Count = 4;

    /// <summary>A pattern is present when its head's calibrated probability is at least this.</summary>
    public const float PresentAt = 0.5f;

    private static readonly PatternDescriptor[] Rows =
    [
        new(
            ScamPattern.Impersonation,
            "impersonation",
            "Impersonation",
            party => "Gia danh " + party switch
            {
                ImpersonatedParty.DepartmentDirector => "Giam doc So TTTT",
                ImpersonatedParty.DepartmentOfficer => "can bo So TTTT",
                ImpersonatedParty.Police => "cong an",
                ImpersonatedParty.Carrier => "nha mang",
                _ => "co quan nha nuoc",
            },
            party => "đối phương tự xưng là " + party switch
            {
                ImpersonatedParty.DepartmentDirector => "Giám đốc Sở TT-TT",
                ImpersonatedParty.DepartmentOfficer => "cán bộ Sở TT-TT",
                ImpersonatedParty.Police => "công an",
                ImpersonatedParty.Carrier => "nhân viên nhà mạng",
                _ => "cán bộ cơ quan nhà nước",
            },
            party => "tu xung " + party switch
            {
                ImpersonatedParty.DepartmentDirector or ImpersonatedParty.DepartmentOfficer => "So TT-TT",
                ImpersonatedParty.Police => "cong an",
                ImpersonatedParty.Carrier => "nha mang",
                _ => "can bo",
            },
            SmsRank: 0),
        new(
            ScamPattern.AntiStateThreat,
            "anti_state_threat",
            "AntiStateThreat",
            _ => "vu khong dang tin chong pha, doa moi lam viec",
            _ => "vu cho bạn đăng tin chống phá Nhà nước",
            _ => "vu chong pha",
            SmsRank: 3),
        new(
            ScamPattern.SubscriptionRevocation,
            "subscription_revocation",
            "SubscriptionRevocation",
            _ => "doa khoa thue bao",
            _ => "dọa khóa thuê bao của bạn",
            _ => "doa khoa so",
            SmsRank: 2),
        new(
            ScamPattern.MoneyTransfer,
            "money_transfer",
            "MoneyTransfer",
            _ => "yeu cau chuyen tien",
            _ => "yêu cầu chuyển tiền hoặc nộp phí",
            _ => "doi tien",
            SmsRank: 1),
    ];

    static PatternTable()
    {
        if (Rows.Length != Count || Rows.Where((row, i) => (int)row.Pattern != i).Any() || LinearHeads.Count + 1 > LinearHeads.Stride)
        {
            throw new InvalidOperationException("The pattern table must list every ScamPattern once, in declaration order, and fit the heads' table.");
        }
    }

    /// <summary>Every pattern's row, in <see cref="ScamPattern"/> order (which is head order).</summary>
    public static IReadOnlyList<PatternDescriptor> All => Rows;

    /// <summary>A pattern's row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined pattern.</exception>
    public static PatternDescriptor Of(ScamPattern pattern) =>
        (uint)pattern < (uint)Rows.Length ? Rows[(int)pattern] : throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null);

    /// <summary>The rule: a pattern is present at a calibrated probability of at least <see cref="PresentAt"/>.</summary>
    public static bool IsPresent(float probability) => probability >= PresentAt;

    /// <summary>The patterns present in an assessment's probabilities, in <see cref="ScamPattern"/> order.</summary>
    public static IEnumerable<PatternDescriptor> PresentIn(IReadOnlyDictionary<ScamPattern, float> probabilities) =>
        Rows.Where(row => probabilities.TryGetValue(row.Pattern, out var probability) && IsPresent(probability));
}
