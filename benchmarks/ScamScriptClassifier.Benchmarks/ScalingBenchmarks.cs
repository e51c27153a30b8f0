using BenchmarkDotNet.Attributes;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>How the cost of one call grows with the text's length (100 to 100,000 characters): it must be linear.</summary>
public class ScalingBenchmarks
{
    private StockRecipe _stock = null!;
    private ScamClassifier _classifier = null!;
    private string _text = string.Empty;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stock = StockRecipe.Load();
        _classifier = ScamClassifier.LoadDefault();
        _text = Corpus.OfLength(Length);
    }

    [Benchmark(Baseline = true)]
    public float StockMLNetPredictionEngine() => _stock.Score(_text);

    [Benchmark]
    public float ScoreProbability() => _classifier.ScoreProbability(_text);
}
