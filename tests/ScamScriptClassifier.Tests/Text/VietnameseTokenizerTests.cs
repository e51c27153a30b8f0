using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Text;

public class VietnameseTokenizerTests
{
    private const string GoldenFile = "Text/Golden/tokenizer.jsonl";

    private sealed record GoldenCase(string Input, string Accented, string Folded);

    public static TheoryData<int> GoldenCases()
    {
        var data = new TheoryData<int>();
        var count = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, GoldenFile)).Count(l => l.Length > 0);
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>
    /// Golden cases: NFD, no diacritics, teencode, placeholders, speaker labels, invisible characters.
    /// Set SCAMSCRIPT_UPDATE_GOLDEN=1 to rewrite the file from the current output, then review the diff.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Tokenize_GoldenCase_MatchesReviewedOutput(int index)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, GoldenFile)).Where(l => l.Length > 0).ToArray();
        var golden = JsonSerializer.Deserialize<GoldenCase>(lines[index], JsonOptions)!;

        var (accented, folded, _) = TokenRecorder.Run(golden.Input);

        if (Environment.GetEnvironmentVariable("SCAMSCRIPT_UPDATE_GOLDEN") == "1")
        {
            UpdateGolden(index, golden with { Accented = accented, Folded = folded });
            return;
        }

        Assert.Equal(golden.Accented, accented);
        Assert.Equal(golden.Folded, folded);
    }

    [Theory]
    [InlineData("Giám đốc Sở Thông tin và Truyền thông yêu cầu chuyển tiền")]
    [InlineData("Thuê bao của quý khách sẽ bị thu hồi, ĐỀ NGHỊ ĐẾN ĐIỂM GIAO DỊCH")]
    [InlineData("ờ ừ ữ ự ặ ẫ ể ộ ổ ỡ ợ ủ ỹ Đ đ")]
    [InlineData("đSở0912õNgười gọi: chuyển tiền")]
    [InlineData("09120912TTTT0345ấchuyểnĐĐstktiền841khóaochuyểnchuyểnĐ, ai")]
    public void Tokenize_NfdInput_GivesTheSameTokensAsNfc(string text)
    {
        var nfc = TokenRecorder.Run(text.Normalize(NormalizationForm.FormC));
        var nfd = TokenRecorder.Run(text.Normalize(NormalizationForm.FormD));

        Assert.Equal(nfc.Accented, nfd.Accented);
        Assert.Equal(nfc.Folded, nfd.Folded);
    }

    [Fact]
    public void Tokenize_FoldedView_DropsEveryVietnameseDiacriticIncludingDStroke()
    {
        var (_, folded, _) = TokenRecorder.Run("ĐẶNG Ưng Ỷ ữ ợ ậ ề ỗ ỳ");

        Assert.Equal("dang ung y u o a e o y", folded);
    }

    [Fact]
    public void Tokenize_TokenSpans_PointIntoTheOriginalText()
    {
        const string text = "A: Chuyển ngay 5tr vào stk 19036612345 nhé";

        var (_, _, spans) = TokenRecorder.Run(text);

        Assert.Equal(["Chuyển", "ngay", "5tr", "vào", "stk", "stk", "stk", "19036612345", "nhé"], spans.Select(s => text[s.Start..s.End]));
    }

    [Theory]
    [InlineData("0912345678", "<phone>")]
    [InlineData("0912 345 678", "<phone>")]
    [InlineData("091.234.5678", "<phone>")]
    [InlineData("+84 912 345 678", "<phone>")]
    [InlineData("84912345678", "<phone>")]
    [InlineData("0292 3899 588", "<phone>")]
    [InlineData("500k", "<money>")]
    [InlineData("20tr", "<money>")]
    [InlineData("20 triệu", "<money>")]
    [InlineData("2 củ", "<money>")]
    [InlineData("1.500.000đ", "<money>")]
    [InlineData("15.000.000 VND", "<money>")]
    [InlineData("1.500.000", "<money>")]
    [InlineData("stk 0123456789", "số tài khoản <account>")]
    [InlineData("1903661234567", "<account>")]
    [InlineData("mã 483920", "mã <otp>")]
    [InlineData("www.vnpt-sim.com", "<url>")]
    [InlineData("https://x.io/a?b=c", "<url>")]
    [InlineData("gửi 156 hoặc 5656", "gửi 156 hoặc 5656")]
    [InlineData("bấm phím 9", "bấm phím 9")]
    public void Tokenize_Entities_BecomePlaceholders(string text, string expected)
    {
        Assert.Equal(expected, TokenRecorder.Run(text).Accented);
    }

    [Theory]
    [InlineData("A: alo", "alo")]
    [InlineData("Người gọi: alo", "alo")]
    [InlineData("Speaker 1: alo", "alo")]
    [InlineData("[Cán bộ] alo", "alo")]
    [InlineData("- alo", "alo")]
    [InlineData("Cảnh báo: alo", "cảnh báo alo")]
    public void Tokenize_SpeakerLabelAtLineStart_IsDropped(string text, string expected)
    {
        Assert.Equal(expected, TokenRecorder.Run(text).Accented);
    }

    [Fact]
    public void Tokenize_LongLinkBeforeAnEmoji_NeverSplitsASurrogatePair()
    {
        var text = "bấm vào www.a" + new string('b', 506) + "😀 chuyển tiền";

        var (_, _, spans) = TokenRecorder.Run(text);

        Assert.All(spans, s => Assert.False(char.IsHighSurrogate(text[s.End - 1]), $"span {s.Start}..{s.End} ends inside a surrogate pair"));
    }

    [Theory]
    [InlineData("stk\n0912345678", "số tài khoản | <phone>")]
    [InlineData("mã\n4839", "mã | 4839")]
    [InlineData("sở\ntt", "sở | tt")]
    public void Tokenize_CuesEndWithTheLine(string text, string expected)
    {
        Assert.Equal(expected, TokenRecorder.Run(text).Accented);
    }

    [Fact]
    public void Featurize_TeencodeExpansion_RecordsOneEvidenceTokenPerExpandedWord()
    {
        var collected = ScamScriptClassifier.Features.NGramFeaturizer<ScamScriptClassifier.Scoring.EvidenceCollector>
            .Run("xin chao stk", new ScamScriptClassifier.Scoring.EvidenceCollector("xin chao stk".Length));

        Assert.Equal(5, collected.Tokens.Count);
        Assert.All(collected.Phrases, p => Assert.InRange(p.LastToken - p.Order + 1, 0, collected.Tokens.Count - 1));
    }

    [Fact]
    public void Featurize_EveryFeature_CarriesTheIndexOfItsLastToken()
    {
        const string text = "Alo, tôi là cán bộ Sở TT-TT. \"Ko\" chuyển 5tr vào stk 0912345678 thì khóa 2 chiều!";
        var spans = TokenRecorder.Run(text).Spans;

        var features = ScamScriptClassifier.Features.NGramFeaturizer<FeatureRecorder>.Run(text, new FeatureRecorder([])).Features;

        Assert.Equal(Enumerable.Range(0, spans.Count), features.Where(f => f.Order == 1).Select(f => f.Token).Distinct());
        Assert.All(features, f =>
        {
            Assert.Equal(spans[f.Token].End, f.End);
            Assert.Equal(spans[f.Token - f.Order + 1].Start, f.Start);
        });
    }

    [Fact]
    public void Featurize_Evidence_MapsEachTokenToItsOwnSpan()
    {
        const string text = "Alo, tôi là cán bộ Sở TT-TT, stk 0912345678";
        var spans = TokenRecorder.Run(text).Spans;

        var collected = ScamScriptClassifier.Features.NGramFeaturizer<ScamScriptClassifier.Scoring.EvidenceCollector>
            .Run(text, new ScamScriptClassifier.Scoring.EvidenceCollector(text.Length));

        Assert.Equal(spans, collected.Tokens);
    }

    private readonly record struct FeatureRecorder(List<(int Start, int End, int Order, int Token)> Features) : ScamScriptClassifier.Features.IFeatureConsumer
    {
        public void Add(int index, int start, int end, int order, int token) => Features.Add((start, end, order, token));

        public void EndSegment()
        {
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t")]
    [InlineData("!!!???...")]
    [InlineData("\ud83d\ude00\ud83d\ude00 \ud800 \udc00")]
    public void Tokenize_NoWords_YieldsNoTokens(string text)
    {
        Assert.Equal(string.Empty, TokenRecorder.Run(text).Accented);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lock GoldenLock = new();

    private static void UpdateGolden(int index, GoldenCase updated)
    {
        lock (GoldenLock)
        {
            var source = Path.Combine(Repository.Root, "tests", "ScamScriptClassifier.Tests", GoldenFile);
            var lines = File.ReadAllLines(source).Where(l => l.Length > 0).ToArray();
            lines[index] = JsonSerializer.Serialize(updated, JsonOptions);
            File.WriteAllLines(source, lines);
        }
    }
}
