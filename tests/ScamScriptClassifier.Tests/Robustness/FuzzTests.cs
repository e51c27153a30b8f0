using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Robustness;

/// <summary>Random text from a hostile alphabet: the tokenizer and scorer never throw, and their invariants hold.</summary>
[Collection(TrainedModelCollection.Name)]
public class FuzzTests(TrainedModelFixture fixture)
{
    private const int Cases = 300;

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = Cases)]
    public bool ScoreProbability_AnyText_IsFiniteWithinZeroAndOne(string text)
    {
        var probability = fixture.Classifier.ScoreProbability(text);
        return float.IsFinite(probability) && probability is >= 0f and <= 1f;
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = Cases)]
    public bool Score_AnyText_IsDeterministicAndQuotesItsEvidence(string text)
    {
        var first = fixture.Classifier.Score(text);
        var second = fixture.Classifier.Score(text);
        return first.Probability == second.Probability
            && first.Evidence.All(e => text.Substring(e.Start, e.Length) == e.Text);
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = Cases)]
    public bool ScoreProbability_AnyText_IsTheSameInNfcAndNfd(string text)
    {
        if (!IsWellFormed(text))
        {
            return true;
        }

        return fixture.Classifier.ScoreProbability(text.Normalize(NormalizationForm.FormC))
            == fixture.Classifier.ScoreProbability(text.Normalize(NormalizationForm.FormD));
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = Cases)]
    public bool Tokenize_AnyText_KeepsSpansInsideTheText(string text)
    {
        var (_, _, spans) = TokenRecorder.Run(text);
        return spans.All(s => s.Start >= 0 && s.Start < s.End && s.End <= text.Length);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static class HostileText
    {
        private static readonly string[] Pieces =
        [
            "a", "o", "d", "đ", "Đ", "ư", "ơ", "ấ", "ệ", "ỗ", "Ử", "\u0301", "\u0300", "\u0303", "\u0309", "\u0323", "\u0302", "\u031B", "\u0306",
            " ", "  ", "\n", "\r\n", "\t", "\u00A0", "\u200B", "\uFEFF", ".", ",", ":", "-", "&", "+", "/", "@", "[", "]",
            "0", "1", "9", "84", "0912", "345", "678", "k", "tr", "củ", "đ", "vnd", "ck", "stk", "tt-tt", "www.", ".vn", "http://",
            "Sở", "TTTT", "chuyển", "tiền", "khóa", "thuê bao", "công an", "A:", "Người gọi:", "😀", "\ud83d", "\ude00", "\u0000", "中文",
        ];

        public static Arbitrary<string> Strings() =>
            Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();
    }
}
