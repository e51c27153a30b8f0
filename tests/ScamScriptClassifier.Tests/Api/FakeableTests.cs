using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Api;

/// <summary>
/// A consumer fakes <see cref="IScamClassifier"/> in its own tests, live calls included. (<c>PackageTests</c> compiles
/// the same kind of fake against the packed library, where no internals are visible.)
/// </summary>
public class FakeableTests
{
    [Fact]
    public void IScamClassifier_FakedByAConsumer_DrivesItsCallMonitor()
    {
        var monitor = new CallMonitor(new FakeClassifier(alertOnTurn: 2));

        var alerts = monitor.Watch(["Alo", "Tôi là cán bộ Sở TT-TT", "Anh chuyển tiền ngay"]);

        Assert.Equal([2], alerts);
    }

    [Fact]
    public void IScamClassifier_StartCallOnTheLibrary_ReturnsItsLiveSession()
    {
        IScamClassifier classifier = ScamClassifier.LoadDefault();

        var alerts = new CallMonitor(classifier).Watch(Some.ScamScript.Split(". "));

        Assert.IsType<ScamCallSession>(classifier.StartCall());
        Assert.Single(alerts);
    }

    /// <summary>What a consumer's service might do with a call: report the turns at which it was flagged.</summary>
    private sealed class CallMonitor(IScamClassifier classifier)
    {
        public List<int> Watch(IEnumerable<string> utterances)
        {
            var alerts = new List<int>();
            var call = classifier.StartCall();
            call.Alert += (_, a) => alerts.Add(a.AlertTurn!.Value);
            foreach (var utterance in utterances)
            {
                call.Append(utterance, speaker: "caller");
            }

            return alerts;
        }
    }

    private sealed class FakeClassifier(int alertOnTurn) : IScamClassifier
    {
        private static readonly Dictionary<ScamPattern, float> NoPatterns = ScamPatterns.All.ToDictionary(p => p, _ => 0f);

        public ScamAssessment Score(string text) => new(0.1f, false, ScamVerdict.Safe, NoPatterns, []);

        public float ScoreProbability(ReadOnlySpan<char> text) => 0.1f;

        public IReadOnlyList<ScamBatchResult> ScoreBatch(IReadOnlyList<string?> texts, CancellationToken cancellationToken = default) =>
            texts.Select((t, i) => new ScamBatchResult(i, t is null ? null : Score(t), t is null ? "null" : null)).ToList();

        public IScamCallSession StartCall() => new FakeCall(alertOnTurn);
    }

    private sealed class FakeCall(int alertOnTurn) : IScamCallSession
    {
        public event EventHandler<CallAssessment>? Alert;

        public CallAssessment Current { get; private set; } = new(0f, false, ScamVerdict.Safe, new Dictionary<ScamPattern, float>(), 0, null);

        public CallAssessment Append(string utterance, string? speaker = null)
        {
            var turn = Current.Turns + 1;
            var flagged = turn >= alertOnTurn;
            Current = new CallAssessment(flagged ? 0.9f : 0.1f, flagged, flagged ? ScamVerdict.LikelyScam : ScamVerdict.Safe,
                new Dictionary<ScamPattern, float>(), turn, flagged ? alertOnTurn : null);
            if (turn == alertOnTurn)
            {
                Alert?.Invoke(this, Current);
            }

            return Current;
        }
    }
}
