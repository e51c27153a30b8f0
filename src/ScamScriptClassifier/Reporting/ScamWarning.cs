namespace ScamScriptClassifier;

/// <summary>
/// A warning for the person who received a flagged call or message: what was detected, and what to do.
/// </summary>
/// <param name="Text">The warning in Vietnamese with diacritics, to show in an app or send where Unicode is fine.</param>
/// <param name="Sms">
/// The same warning without diacritics, in at most 160 characters of plain ASCII that the GSM 7-bit alphabet covers:
/// one SMS. When everything detected does not fit, the least telling details are left out; the advice never is.
/// </param>
public sealed record ScamWarning(string Text, string Sms);

/// <summary>Composes <see cref="ScamWarning"/>s.</summary>
public static class ScamWarnings
{
    private const int SmsLength = 160;

    private const string Advice =
        "Cơ quan nhà nước không giải quyết những việc này qua điện thoại. Đừng chuyển tiền, đừng đọc mã OTP hay số tài khoản "
        + "cho bất kỳ ai. Hãy báo số điện thoại đó tới 156 hoặc 5656 theo cú pháp: LD <số điện thoại> <nội dung>.";

    private const string SmsAdvice =
        "Co quan nha nuoc khong lam viec qua dien thoai. Dung chuyen tien hay doc OTP. Bao 156/5656: LD <so> <noi dung>";

    /// <summary>
    /// The warning for a flagged (<see cref="ScamVerdict.LikelyScam"/>) or doubtful (<see cref="ScamVerdict.Suspicious"/>)
    /// assessment. It names each pattern whose probability is at least 0.5 — who the other side claimed to be, read from
    /// the evidence — and gives the official advice: state agencies do not handle such matters by phone; do not transfer
    /// money or read out codes; report the number to 156 or 5656 as <c>LD &lt;number&gt; &lt;content&gt;</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The verdict is <see cref="ScamVerdict.Safe"/>: there is nothing to warn about.</exception>
    public static ScamWarning Compose(ScamAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Verdict == ScamVerdict.Safe)
        {
            throw new ArgumentException("Only a LikelyScam or Suspicious assessment gets a warning.", nameof(assessment));
        }

        var detected = PatternTable.PresentIn(assessment.Patterns).ToList();
        var party = detected.Any(p => p.Pattern == ScamPattern.Impersonation) ? PartyIn(assessment) : ImpersonatedParty.StateAgency;
        var likely = assessment.Verdict == ScamVerdict.LikelyScam;
        return new ScamWarning(Text(detected, party, likely), Sms(detected, party, likely));
    }

    private static string Text(List<PatternDescriptor> detected, ImpersonatedParty party, bool likely)
    {
        var lead = likely
            ? "Cảnh báo! Cuộc gọi hoặc tin nhắn bạn vừa nhận có dấu hiệu lừa đảo"
            : "Cẩn thận! Cuộc gọi hoặc tin nhắn bạn vừa nhận có một số dấu hiệu giống lừa đảo";
        if (detected.Count == 0)
        {
            return $"{lead}. {Advice}";
        }

        var details = detected.Select(p => p.WarningPhrase(party)).ToList();
        var listed = details.Count == 1 ? details[0] : $"{string.Join(", ", details.Take(details.Count - 1))} và {details[^1]}";
        return $"{lead}: {listed}. {Advice}";
    }

    private static string Sms(List<PatternDescriptor> detected, ImpersonatedParty party, bool likely)
    {
        if (detected.Count == 0)
        {
            return $"{(likely ? "CANH BAO LUA DAO" : "NGHI LUA DAO")}. {SmsAdvice}";
        }

        var lead = likely ? "LUA DAO: " : "NGHI LUA DAO: ";
        var budget = SmsLength - lead.Length - ". ".Length - SmsAdvice.Length;
        // Who, then the demand, then the threats: the SMS keeps the patterns of lowest rank when they do not all fit.
        var kept = new HashSet<PatternDescriptor>();
        foreach (var pattern in detected.OrderBy(p => p.SmsRank))
        {
            var cost = pattern.SmsPhrase(party).Length + (kept.Count == 0 ? 0 : ", ".Length);
            if (cost <= budget)
            {
                kept.Add(pattern);
                budget -= cost;
            }
        }

        var details = string.Join(", ", detected.Where(kept.Contains).Select(p => p.SmsPhrase(party)));
        return kept.Count == 0 ? $"{(likely ? "CANH BAO LUA DAO" : "NGHI LUA DAO")}. {SmsAdvice}" : $"{lead}{details}. {SmsAdvice}";
    }

    /// <summary>Who the evidence for impersonation names (all the evidence when none is for impersonation).</summary>
    private static ImpersonatedParty PartyIn(ScamAssessment assessment)
    {
        var phrases = assessment.Evidence.Where(e => e.Pattern == ScamPattern.Impersonation).Select(e => e.Text).ToList();
        if (phrases.Count == 0)
        {
            phrases = assessment.Evidence.Select(e => e.Text).ToList();
        }

        return ScamReports.PartyIn(ScamReports.Fold(string.Join(" | ", phrases)));
    }
}
