using BenchmarkDotNet.Attributes;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>
/// One text scored by the stock recipe (baseline), the hot path, the full assessment with evidence, and the TF-IDF +
/// logistic-regression baseline that <c>evaluate --baseline</c> compares quality against.
/// </summary>
public class ScoringBenchmarks
{
    private StockRecipe _stock = null!;
    private TfIdfBaseline _tfIdf = null!;
    private ScamClassifier _classifier = null!;
    private string _text = string.Empty;

    [Params("sms-210", "transcript-1760", "asr-10min")]
    public string Text { get; set; } = "sms-210";

    [GlobalSetup]
    public void Setup()
    {
        _stock = StockRecipe.Load();
        _classifier = ScamClassifier.LoadDefault();
        _tfIdf = TfIdfBaseline.Fit(Corpus.Items, 1e-2f);
        _text = Text switch
        {
            "sms-210" => Corpus.Sms,
            "transcript-1760" => Corpus.Transcript,
            _ => Corpus.TenMinuteAsr,
        };
    }

    [Benchmark(Baseline = true)]
    public float StockMLNetPredictionEngine() => _stock.Score(_text);

    [Benchmark]
    public float ScoreProbability() => _classifier.ScoreProbability(_text);

    [Benchmark]
    public ScamAssessment ScoreWithEvidence() => _classifier.Score(_text);

    [Benchmark]
    public float TfIdfLogisticRegression() => _tfIdf.ScoreProbability(_text);
}
