using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public class BatchAndReportTests(TrainedModelFixture fixture)
{
    [Fact]
    public void ScoreBatch_ManyTexts_KeepsInputOrderAndMatchesScore()
    {
        var texts = fixture.Items.Take(500).Select(i => (string?)i.Text).ToList();

        var results = fixture.Classifier.ScoreBatch(texts);

        Assert.Equal(texts.Count, results.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(i, results[i].Index);
            Assert.Equal(fixture.Classifier.ScoreProbability(texts[i]), results[i].Assessment!.Probability);
        }
    }

    [Fact]
    public void ScoreBatch_BadItem_ReportsItsErrorInPlaceAndScoresTheRest()
    {
        var results = fixture.Classifier.ScoreBatch([Some.Everyday, null, Some.ScamScript]);

        Assert.NotNull(results[0].Assessment);
        Assert.Null(results[1].Assessment);
        Assert.NotNull(results[1].Error);
        Assert.True(results[2].Assessment!.IsScam);
    }

    [Fact]
    public void Compose_FlaggedText_WritesTheOfficialSyntaxWithoutDiacritics()
    {
        const string text = "Tôi là Giám đốc Sở TT-TT. Thuê bao 0912 345 678 của anh sẽ bị khóa 2 chiều. Anh chuyển 5tr phí vào stk 19036612345678 Techcombank.";
        var assessment = fixture.Classifier.Score(text);

        var report = ScamReports.Compose(text, assessment, callerNumber: "+84 987 654 321");

        Assert.StartsWith("LD 0987654321 Gia danh", report.Message, StringComparison.Ordinal);
        Assert.All(report.Message, c => Assert.True(c < 0x80, $"'{c}' is not plain ASCII"));
        Assert.Equal(["156", "5656"], report.Recipients);
        Assert.Equal(["0912 345 678"], report.PhoneNumbers);
        Assert.Equal(["19036612345678"], report.BankAccounts);
        Assert.Equal(["5tr"], report.Amounts);
    }

    [Fact]
    public void Compose_WithoutCaller_ReportsTheFirstNumberInTheText()
    {
        const string text = "Sở TTTT thông báo: gọi ngay 0868.123.456 để tránh bị thu hồi số, nộp phí 500k.";
        var flagged = fixture.Classifier.Score(text) with { IsScam = true };

        Assert.Equal("0868123456", ScamReports.Compose(text, flagged).ReportedNumber);
    }

    [Fact]
    public void Compose_AssessmentNotFlagged_IsRefused()
    {
        var assessment = fixture.Classifier.Score(Some.Everyday);

        Assert.Throws<ArgumentException>(() => ScamReports.Compose(Some.Everyday, assessment, "0912345678"));
    }
}
