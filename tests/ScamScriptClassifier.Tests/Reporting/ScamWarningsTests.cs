using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Reporting;

public class ScamWarningsTests
{
    /// <summary>The GSM 7-bit basic set's printable ASCII: an SMS in it holds 160 characters (ASCII outside it, like [ or ~, costs two).</summary>
    private const string GsmBasicAscii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";

    private static readonly string[] Parties =
    [
        "Giám đốc Sở Thông tin và Truyền thông", "cán bộ Sở TT-TT", "cán bộ công an quận", "nhân viên nhà mạng Viettel", "cán bộ thuế",
    ];

    [Fact]
    public void Compose_FlaggedScamScript_NamesTheCallerTheDemandAndTheHotlines()
    {
        var assessment = ScamClassifier.LoadDefault().Score(Some.ScamScript);

        var warning = ScamWarnings.Compose(assessment);

        Assert.StartsWith("Cảnh báo!", warning.Text, StringComparison.Ordinal);
        Assert.Contains("tự xưng là Giám đốc Sở TT-TT", warning.Text, StringComparison.Ordinal);
        Assert.Contains("yêu cầu chuyển tiền", warning.Text, StringComparison.Ordinal);
        Assert.Contains("không giải quyết những việc này qua điện thoại", warning.Text, StringComparison.Ordinal);
        Assert.Contains("156 hoặc 5656", warning.Text, StringComparison.Ordinal);
        Assert.Contains("LD <số điện thoại> <nội dung>", warning.Text, StringComparison.Ordinal);
        Assert.StartsWith("LUA DAO: tu xung So TT-TT", warning.Sms, StringComparison.Ordinal);
        Assert.EndsWith("Bao 156/5656: LD <so> <noi dung>", warning.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EveryCombinationOfPatternsPartiesAndVerdicts_SmsFitsOneMessageWithTheAdvice()
    {
        foreach (var verdict in new[] { ScamVerdict.LikelyScam, ScamVerdict.Suspicious })
        {
            foreach (var party in Parties)
            {
                for (var mask = 0; mask < 1 << ScamPatterns.All.Count; mask++)
                {
                    var sms = ScamWarnings.Compose(Assessment(verdict, mask, party)).Sms;

                    Assert.True(sms.Length <= 160, $"{sms.Length} characters: {sms}");
                    Assert.All(sms, c => Assert.Contains(c, GsmBasicAscii));
                    Assert.Contains("Co quan nha nuoc khong lam viec qua dien thoai. Dung chuyen tien hay doc OTP. Bao 156/5656: LD <so> <noi dung>", sms, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Compose_EveryPatternPresent_SmsKeepsWhoAndTheDemandAndTextNamesAll()
    {
        var warning = ScamWarnings.Compose(Assessment(ScamVerdict.LikelyScam, 0b1111, Parties[0]));

        Assert.Equal("LUA DAO: tu xung So TT-TT, doa khoa so, doi tien. Co quan nha nuoc khong lam viec qua dien thoai. Dung chuyen tien hay doc OTP. Bao 156/5656: LD <so> <noi dung>", warning.Sms);
        Assert.Contains("đối phương tự xưng là Giám đốc Sở TT-TT, vu cho bạn đăng tin chống phá Nhà nước, dọa khóa thuê bao của bạn và yêu cầu chuyển tiền hoặc nộp phí.", warning.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "công an", "cong an")]
    [InlineData(3, "nhân viên nhà mạng", "nha mang")]
    [InlineData(4, "cán bộ cơ quan nhà nước", "tu xung can bo")]
    public void Compose_ImpersonationEvidence_NamesWhoTheOtherSideClaimedToBe(int party, string named, string smsNamed)
    {
        var warning = ScamWarnings.Compose(Assessment(ScamVerdict.LikelyScam, 0b0001, Parties[party]));

        Assert.Contains("tự xưng là " + named, warning.Text, StringComparison.Ordinal);
        Assert.Contains(smsNamed, warning.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PatternsBelowOneHalf_AreNotNamed()
    {
        var warning = ScamWarnings.Compose(Assessment(ScamVerdict.LikelyScam, 0b1000, Parties[0]));

        Assert.Contains("có dấu hiệu lừa đảo: yêu cầu chuyển tiền hoặc nộp phí.", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tự xưng", warning.Text, StringComparison.Ordinal);
        Assert.StartsWith("LUA DAO: doi tien.", warning.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoPatternPresent_WarnsWithTheAdviceAlone()
    {
        var warning = ScamWarnings.Compose(Assessment(ScamVerdict.LikelyScam, 0, Parties[0]));

        Assert.StartsWith("Cảnh báo! Cuộc gọi hoặc tin nhắn bạn vừa nhận có dấu hiệu lừa đảo. Cơ quan nhà nước", warning.Text, StringComparison.Ordinal);
        Assert.StartsWith("CANH BAO LUA DAO. Co quan nha nuoc", warning.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Suspicious_IsWordedAsADoubt()
    {
        var warning = ScamWarnings.Compose(Assessment(ScamVerdict.Suspicious, 0b0100, Parties[1]));

        Assert.StartsWith("Cẩn thận! Cuộc gọi hoặc tin nhắn bạn vừa nhận có một số dấu hiệu giống lừa đảo: dọa khóa thuê bao", warning.Text, StringComparison.Ordinal);
        Assert.StartsWith("NGHI LUA DAO: doa khoa so.", warning.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Safe_Throws()
    {
        var safe = ScamClassifier.LoadDefault().Score(Some.Everyday);

        Assert.Equal(ScamVerdict.Safe, safe.Verdict);
        Assert.Throws<ArgumentException>(() => ScamWarnings.Compose(safe));
    }

    /// <summary>Bit i of <paramref name="mask"/> sets pattern i present (0.9) or absent (0.1); one impersonation phrase.</summary>
    private static ScamAssessment Assessment(ScamVerdict verdict, int mask, string party)
    {
        var patterns = ScamPatterns.All.Select((p, i) => (p, (mask >> i & 1) == 1 ? 0.9f : 0.1f)).ToDictionary(x => x.p, x => x.Item2);
        var phrase = $"tôi là {party}";
        return new ScamAssessment(0.9f, verdict == ScamVerdict.LikelyScam, verdict, patterns,
            [new ScamEvidence(phrase, 0, phrase.Length, ScamPattern.Impersonation, 1f)]);
    }
}
