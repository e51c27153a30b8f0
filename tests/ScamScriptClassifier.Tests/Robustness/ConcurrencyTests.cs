using Microsoft.Extensions.DependencyInjection;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Robustness;

[Collection(TrainedModelCollection.Name)]
public class ConcurrencyTests(TrainedModelFixture fixture)
{
    private const int Threads = 8;
    private const int ScoresPerThread = 10_000;

    [Fact]
    public void ScoreProbability_EightThreadsTenThousandEach_MatchesSingleThreadedScoring()
    {
        AssertSameAsSingleThreaded(fixture.Classifier);
    }

    [Fact]
    public void ScoreProbability_ThroughTheDependencyInjectionSingleton_MatchesSingleThreadedScoring()
    {
        using var provider = new ServiceCollection().AddScamScriptClassifier().BuildServiceProvider();

        AssertSameAsSingleThreaded(provider.GetRequiredService<IScamClassifier>());
    }

    [Fact]
    public void CallSessions_ManyAtOnce_MatchTheSameCallsRunAlone()
    {
        var calls = fixture.Items.Where(i => i.Kind == MessageKind.Transcript).Take(64).Select(i => i.Text.Split('\n')).ToList();
        var alone = calls.Select(Replay).ToList();

        var together = new CallAssessment[calls.Count];
        Parallel.For(0, calls.Count, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i => together[i] = Replay(calls[i]));

        Assert.Equal(alone, together, (a, b) => a.Probability == b.Probability && a.AlertTurn == b.AlertTurn);
    }

    private CallAssessment Replay(string[] utterances)
    {
        var call = fixture.Classifier.StartCall();
        foreach (var utterance in utterances)
        {
            call.Append(utterance);
        }

        return call.Current;
    }

    private void AssertSameAsSingleThreaded(IScamClassifier classifier)
    {
        var texts = fixture.Items.Take(500).Select(i => i.Text).ToArray();
        var expected = texts.Select(t => classifier.ScoreProbability(t)).ToArray();
        var mismatches = 0;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < ScoresPerThread; i++)
            {
                var index = (i * 7 + thread) % texts.Length;
                if (classifier.ScoreProbability(texts[index]) != expected[index])
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }
}
