using BenchmarkDotNet.Attributes;
using Microsoft.ML;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>Loading a model file: the stock recipe's model into a PredictionEngine (baseline), and ours.</summary>
public class LoadBenchmarks
{
    private string _modelPath = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        StockRecipe.Load();
        _modelPath = Path.Combine(Path.GetTempPath(), $"scamscript-default-{Environment.ProcessId}.zip");
        using var resource = typeof(ScamClassifier).Assembly.GetManifestResourceStream("ScamScriptClassifier.default-model.zip")!;
        using var file = File.Create(_modelPath);
        resource.CopyTo(file);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_modelPath);

    [Benchmark(Baseline = true)]
    public object StockModelLoad()
    {
        var ml = new MLContext();
        return ml.Model.CreatePredictionEngine<StockRecipe.Input, StockRecipe.Output>(ml.Model.Load(StockRecipe.ModelPath, out _));
    }

    [Benchmark]
    public ScamClassifier ScamClassifierLoad() => ScamClassifier.Load(_modelPath);
}
