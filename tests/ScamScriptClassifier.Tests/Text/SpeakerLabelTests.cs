using ScamScriptClassifier.Tests.Support;
using ScamScriptClassifier.Text;

namespace ScamScriptClassifier.Tests.Text;

/// <summary>
/// One speaker-label rule: the label the evaluator reads from a transcript line (to count the caller's turns) is
/// exactly what the tokenizer drops from it, for every labelling style the datasheet lists.
/// </summary>
public sealed class SpeakerLabelTests
{
    [Theory]
    [InlineData("A: alo anh", "A")]
    [InlineData("Người gọi: alo anh", "Người gọi")]
    [InlineData("Cán bộ: alo anh", "Cán bộ")]
    [InlineData("NV: alo anh", "NV")]
    [InlineData("Speaker 1: alo anh", "Speaker 1")]
    [InlineData("[Người gọi] alo anh", "Người gọi")]
    [InlineData("- alo anh", null)]
    [InlineData("– alo anh", null)]
    [InlineData("alo anh", null)]
    public void SpeakerLabelOf_AgreesWithWhatTheTokenizerDrops(string line, string? label)
    {
        Assert.Equal(label, VietnameseTokenizer.SpeakerLabelOf(line));
        Assert.Equal("alo anh", TokenRecorder.Run(line).Accented);
    }

    [Theory]
    [InlineData("Cảnh báo: alo anh", "cảnh báo alo anh")]
    [InlineData("Anh chuyển khoản ngay hôm nay cho tôi nhé: alo anh", "anh chuyển khoản ngay hôm nay cho tôi nhé alo anh")]
    public void SpeakerLabelOf_IsNullWhereTheTokenizerKeepsTheWords(string line, string tokens)
    {
        Assert.Null(VietnameseTokenizer.SpeakerLabelOf(line));
        Assert.Equal(tokens, TokenRecorder.Run(line).Accented);
    }
}
