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
    public void Append_PastTheCallLengthLimit_IsRefusedAndTheSessionIsUnchanged()
    {
        var call = new ScamCallSession(fixture.Classifier, maxCallLength: 100);
        var first = call.Append(new string('a', 60));

        var error = Assert.Throws<InvalidOperationException>(() => call.Append(new string('b', 40)));

        Assert.Contains("past the 100 a call session can hold", error.Message, StringComparison.Ordinal);
        Assert.Same(first, call.Current);
        Assert.True(float.IsFinite(call.Current.Probability));
        Assert.Equal(1, call.Current.Turns);
    }

    [Fact]
    public void Append_TwentyMillionCharacterCall_StaysFinite()
    {
        var call = fixture.Classifier.StartCall();
        var utterance = string.Concat(Enumerable.Repeat(ScamCall[2] + " ", 1_000_000 / (ScamCall[2].Length + 1)));

        for (var turn = 0; turn < 20; turn++)
        {
            Assert.True(float.IsFinite(call.Append(utterance).Probability));
        }
    }

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
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(400)]
    public void Append_CallOfAnyLength_EndsWhereScoringTheWholeTranscriptEnds(int fillerTurns)
    {
        var turns = new List<string> { "alo" };
        for (var i = 0; i < fillerTurns; i++)
        {
            turns.Add(i % 2 == 0 ? "dạ vâng em nghe" : Some.Everyday);
        }

        turns.AddRange(ScamCall);
        var call = fixture.Classifier.StartCall();

        foreach (var turn in turns)
        {
            call.Append(turn);
        }

        var whole = fixture.Classifier.Score(string.Join('\n', turns));
        Assert.Equal(whole.Probability, call.Current.Probability, 5);
        foreach (var pattern in ScamPatterns.All)
        {
            Assert.Equal(whole.Patterns[pattern], call.Current.Patterns[pattern], 5);
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
