using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Robustness;

[Collection(TrainedModelCollection.Name)]
public class HostileInputTests(TrainedModelFixture fixture)
{
    public static TheoryData<string> HostileTexts => new()
    {
        "\u0000\u0001\u0007\u001B[31mchuyển tiền\u0000",
        "\ud800 lone high \udc00 lone low \ud800",
        "chuy\u200Bển kh\u200Coản \uFEFF ngay\u2060",
        "😀🔥💸 chuyển 💰 tiền 🏦🙏🏻👍",
        "你好，我是越南通信局局长。Здравствуйте, это полиция. مرحبا",
        "<html><script>alert('x')</script><b>Sở TT-TT</b> &amp; &lt;công an&gt;</html>",
        new string('a', 5000),
        new string('9', 3000),
        string.Concat(Enumerable.Repeat("\u0301", 2000)),
        "....!!!!????,,,,;;;;::::----____",
        "A:\nB:\n[C]\n- \n:\n",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Score_HostileInput_ReturnsAProbabilityInRange(string text)
    {
        var assessment = fixture.Classifier.Score(text);

        Assert.InRange(assessment.Probability, 0f, 1f);
        Assert.Equal(assessment.Probability, fixture.Classifier.ScoreProbability(text));
        Assert.All(assessment.Evidence, e => Assert.Equal(text.Substring(e.Start, e.Length), e.Text));
    }

    [Fact]
    public void Score_TextOverTheConfiguredLimit_IsRefusedWithItsLength()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scamscript-{Guid.NewGuid():N}.zip");
        fixture.Model.Save(path);
        try
        {
            var classifier = ScamClassifier.Create(new ScamClassifierOptions { ModelPath = path, MaxInputLength = 100 });

            var error = Assert.Throws<ArgumentException>(() => classifier.Score(new string('x', 101)));

            Assert.Contains("101 characters", error.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => classifier.ScoreProbability(new string('x', 101)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScoreProbability_AllocatesNothing()
    {
        var texts = fixture.Items.Take(50).Select(i => i.Text).Append(new string('x', 10_000) + Some.ScamScript).ToList();
        foreach (var text in texts)
        {
            fixture.Classifier.ScoreProbability(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in texts)
        {
            fixture.Classifier.ScoreProbability(text);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
