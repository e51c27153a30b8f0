using BenchmarkDotNet.Attributes;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>10,000 messages on one thread (baseline) and on two: the scorer shares nothing mutable, so it should scale.</summary>
public class BatchBenchmarks
{
    private ScamClassifier _classifier = null!;
    private string[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = ScamClassifier.LoadDefault();
        _messages = Corpus.TenThousandMessages;
    }

    [Benchmark(Baseline = true)]
    public float OneThread()
    {
        var sum = 0f;
        foreach (var message in _messages)
        {
            sum += _classifier.ScoreProbability(message);
        }

        return sum;
    }

    [Benchmark]
    public float TwoThreads()
    {
        var sums = new float[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, thread =>
        {
            var sum = 0f;
            for (var i = thread; i < _messages.Length; i += 2)
            {
                sum += _classifier.ScoreProbability(_messages[i]);
            }

            sums[thread] = sum;
        });
        return sums[0] + sums[1];
    }

    [Benchmark]
    public IReadOnlyList<ScamBatchResult> ScoreBatchWithEvidence() => _classifier.ScoreBatch(_messages);
}
