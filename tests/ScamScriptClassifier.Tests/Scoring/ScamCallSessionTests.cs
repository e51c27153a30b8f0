using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public class ScamCallSessionTests(TrainedModelFixture fixture)
{
    private static readonly string[] ScamCall =
    [
        "Alo, chị Hương phải không ạ?",
        "Tôi là Trần Văn Nam, chánh thanh tra Sở Thông tin và Truyền thông tỉnh.",
        "Số thuê bao của chị đã được dùng để lập tài khoản đăng bài chống phá Nhà nước.",
        "Chị sẽ bị mời lên làm việc, và không được nói với ai.",
        "Để chứng minh, chị chuyển 40 triệu vào tài khoản tạm giữ 0451000123456 ngay trong hôm nay.",
    ];

    [Fact]
    public void Append_ShortCall_EqualsScoringTheWholeTranscript()
    {
        var call = fixture.Classifier.StartCall();

        CallAssessment? last = null;
        foreach (var utterance in ScamCall)
        {
            last = call.Append(utterance, speaker: "caller");
        }

        var whole = fixture.Classifier.Score(string.Join('\n', ScamCall));
        Assert.Equal(ScamCall.Length, last!.Turns);
        Assert.Equal(whole.Probability, last.Probability, 5);
        foreach (var pattern in ScamPatterns.All)
        {
            Assert.Equal(whole.Patterns[pattern], last.Patterns[pattern], 5);
        }
    }

    [Fact]
    public void Append_CuesAcrossTurns_AreReadAsScoreReadsTheJoinedTranscript()
    {
        string[] turns = ["Anh chuyển tiền vào số tài khoản", "0912345678 ngay", "Sở", "TT yêu cầu"];
        var call = fixture.Classifier.StartCall();

        foreach (var turn in turns)
        {
            call.Append(turn);
        }

        Assert.Equal(fixture.Classifier.Score(string.Join('\n', turns)).Probability, call.Current.Probability, 5);
    }

    [Theory]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(2049)]
    public void Append_CallAroundTheWindowingLength_EqualsScoreWhileUnwindowed(int joinedLength)
    {
        var scam = string.Join(' ', ScamCall);
        var filler = string.Concat(Enumerable.Repeat("dạ vâng ", 400))[..(joinedLength - scam.Length - "alo".Length - 2)];
        string[] turns = ["alo", filler, scam];
        Assert.Equal(joinedLength, string.Join('\n', turns).Length);
        var call = fixture.Classifier.StartCall();

        foreach (var turn in turns)
        {
            call.Append(turn);
        }

        var whole = fixture.Classifier.Score(string.Join('\n', turns)).Probability;
        if (joinedLength <= ScamClassifier.MaxUnwindowedLength)
        {
            Assert.Equal(whole, call.Current.Probability, 5);
        }
        else
        {
            // Windowed: the session also scores its most recent turns, so it is never below the whole call.
            Assert.True(call.Current.Probability >= whole - 1e-5, $"session {call.Current.Probability}, whole {whole}");
        }
    }

    [Fact]
    public void Append_CrossingTheThreshold_AlertsOnceAndStaysFlagged()
    {
        var call = fixture.Classifier.StartCall();
        var alerts = new List<CallAssessment>();
        call.Alert += (_, assessment) => alerts.Add(assessment);

        foreach (var utterance in ScamCall)
        {
            call.Append(utterance);
        }

        for (var i = 0; i < 30; i++)
        {
            call.Append("Dạ vâng, con cảm ơn mẹ, chiều nay con về ăn cơm với cả nhà nhé.");
        }

        var alert = Assert.Single(alerts);
        Assert.True(call.Current.IsScam);
        Assert.Equal(ScamVerdict.LikelyScam, call.Current.Verdict);
        Assert.Equal(alert.AlertTurn, call.Current.AlertTurn);
        Assert.InRange(alert.AlertTurn!.Value, 1, ScamCall.Length);
    }

    [Fact]
    public void Append_OrdinaryCall_NeverAlerts()
    {
        var call = fixture.Classifier.StartCall();
        var alerted = false;
        call.Alert += (_, _) => alerted = true;

        call.Append("Alo, anh ơi em giao hàng, anh ra cổng lấy giúp em nhé.");
        call.Append("Ừ anh ra liền, tiền hàng bao nhiêu em?");
        call.Append("Dạ 350 nghìn ạ, anh chuyển khoản hay tiền mặt cũng được.");

        Assert.False(alerted);
        Assert.False(call.Current.IsScam);
    }

    [Fact]
    public void Append_FromSeveralThreads_CountsEveryTurn()
    {
        var call = fixture.Classifier.StartCall();

        Parallel.For(0, 400, i => call.Append(ScamCall[i % ScamCall.Length]));

        Assert.Equal(400, call.Current.Turns);
        Assert.True(call.Current.IsScam);
    }
}
