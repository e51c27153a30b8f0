using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.ML;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>
/// Training on 10,000 items: the stock recipe (baseline: one fit) and ours (five heads, threshold tuning by 5-fold
/// cross-validation, held-out evaluation, model file). Each operation takes seconds, so it is timed a few times cold.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class TrainingBenchmarks
{
    private IReadOnlyList<LabeledMessage> _items = [];

    [GlobalSetup]
    public void Setup() => _items = Corpus.TenThousandItems();

    [Benchmark(Baseline = true)]
    public ITransformer StockRecipeTraining() => StockRecipe.Train(new MLContext(seed: 1), _items);

    [Benchmark]
    public TrainedScamModel ScamModelTrainerTrain() => new ScamModelTrainer().Train(_items);
}
