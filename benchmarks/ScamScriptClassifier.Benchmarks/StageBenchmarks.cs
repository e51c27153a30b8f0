using BenchmarkDotNet.Attributes;
using ScamScriptClassifier.Features;
using ScamScriptClassifier.Text;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>
/// Where the hot path's time goes: tokenising alone, tokenising and hashing n-grams, and the whole
/// <see cref="ScamClassifier.ScoreProbability"/> (which adds the weight lookups). For tuning, not a target.
/// </summary>
public class StageBenchmarks
{
    private ScamClassifier _classifier = null!;
    private string _text = string.Empty;

    [Params("sms-210", "transcript-1760")]
    public string Text { get; set; } = "sms-210";

    [GlobalSetup]
    public void Setup()
    {
        _classifier = ScamClassifier.LoadDefault();
        _text = Text == "sms-210" ? Corpus.Sms : Corpus.Transcript;
    }

    [Benchmark(Baseline = true)]
    public float ScoreProbability() => _classifier.ScoreProbability(_text);

    [Benchmark]
    public int Tokenize()
    {
        var counter = default(TokenCounter);
        VietnameseTokenizer.Tokenize(_text, ref counter);
        return counter.Count;
    }

    [Benchmark]
    public int TokenizeAndHash() => NGramFeaturizer<FeatureCounter>.Run(_text, default).Count;

    private struct TokenCounter : ITokenSink
    {
        public int Count;

        public void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted) => Count++;

        public void OnBoundary()
        {
        }
    }

    private struct FeatureCounter : IFeatureConsumer
    {
        public int Count;

        public void Add(int index, int start, int end, int order, int token) => Count += index & 1;

        public readonly void EndSegment()
        {
        }
    }
}
