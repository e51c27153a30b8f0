using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;
using ScamScriptClassifier.Scoring;

namespace ScamScriptClassifier;

/// <summary>The running assessment of a call in progress.</summary>
/// <param name="Probability">The calibrated scam probability of the call so far.</param>
/// <param name="IsScam">Whether the call is flagged: true from the first turn that crossed the threshold on, even if later turns lower the probability.</param>
/// <param name="Verdict">The graded verdict (<see cref="ScamVerdict.LikelyScam"/> once flagged).</param>
/// <param name="Patterns">Each pattern's probability for the call so far.</param>
/// <param name="Turns">Utterances appended so far.</param>
/// <param name="AlertTurn">The 1-based turn at which the call was first flagged; null until then.</param>
public sealed record CallAssessment(
    float Probability,
    bool IsScam,
    ScamVerdict Verdict,
    IReadOnlyDictionary<ScamPattern, float> Patterns,
    int Turns,
    int? AlertTurn);

/// <summary>
/// A live call, scored as it is transcribed: the same engine as <see cref="ScamClassifier.Score"/>, fed one utterance
/// at a time. Each <see cref="Append"/> featurises only the new utterance and updates the running evidence (the best
/// runs of segments per head, the whole call's sums), so its cost is proportional to the utterance, not the call,
/// and after the last utterance the probability equals <see cref="ScamClassifier.Score"/> of the utterances joined
/// by new lines. The alert fires once, on the turn the call's aggregated probability first crosses the threshold,
/// and the call stays flagged. Thread-safe.
/// </summary>
public sealed class ScamCallSession : IScamCallSession
{
    /// <summary>
    /// The most characters a call may hold, new lines between utterances included (about 30,000 hours of speech):
    /// every running count and offset then stays within an <see cref="int"/>.
    /// </summary>
    internal const int DefaultMaxCallLength = 1_000_000_000;

    private readonly ScamClassifier _classifier;
    private readonly int _maxCallLength;
    private readonly Lock _gate = new();
    private SegmentScorer _scorer;
    private int _callLength;
    private bool _hasWords;
    private CallAssessment _current;

    internal ScamCallSession(ScamClassifier classifier, int maxCallLength = DefaultMaxCallLength)
    {
        _classifier = classifier;
        _maxCallLength = maxCallLength;
        _scorer = new SegmentScorer(classifier.Heads);
        _current = Assess(0, null);
    }

    /// <summary>Raised once, on the turn the call first crosses the threshold.</summary>
    public event EventHandler<CallAssessment>? Alert;

    /// <summary>The assessment after the last appended utterance.</summary>
    public CallAssessment Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Adds one utterance and returns the running assessment of the call.</summary>
    /// <param name="utterance">What was said, as transcribed.</param>
    /// <param name="speaker">
    /// Who said it, if known ("caller", "A", …). Accepted so a pipeline can pass it through; it is not scored,
    /// because the model is trained without speaker labels (no labelling style may stand in for the label).
    /// </param>
    /// <exception cref="ArgumentException">The utterance is longer than <see cref="ScamClassifierOptions.MaxInputLength"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// The call would pass 1,000,000,000 characters; the session is unchanged, and a new one must be started.
    /// </exception>
    public CallAssessment Append(string utterance, string? speaker = null)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        _classifier.RequireWithinLimit(utterance.Length);
        CallAssessment assessment;
        var alerted = false;
        lock (_gate)
        {
            var length = (long)_callLength + (_current.Turns == 0 ? 0 : 1) + utterance.Length;
            if (length > _maxCallLength)
            {
                throw new InvalidOperationException(
                    $"This call holds {_callLength} characters; the utterance would take it to {length}, past the {_maxCallLength} a call session can hold. Start a new session.");
            }

            // Offsets as in the utterances joined by new lines, as Score would see them.
            _scorer.Offset = _callLength + (_current.Turns == 0 ? 0 : 1);
            _scorer = NGramFeaturizer<SegmentScorer>.Run(utterance, _scorer);
            _callLength = _scorer.Offset + utterance.Length;
            _hasWords |= _scorer.Ranges.Tokens > 0;

            var turn = _current.Turns + 1;
            var alertTurn = _current.AlertTurn;
            assessment = Assess(turn, alertTurn);
            if (alertTurn is null && assessment.Probability >= _classifier.Threshold)
            {
                assessment = assessment with { IsScam = true, Verdict = ScamVerdict.LikelyScam, AlertTurn = turn };
                alerted = true;
            }

            _current = assessment;
        }

        if (_classifier.LogsMessageText)
        {
            Log.CallTurnText(_classifier.Logger, assessment.Turns, assessment.Probability, utterance);
        }

        if (alerted)
        {
            ScamScriptMetrics.RecordCallAlert();
            Log.CallAlert(_classifier.Logger, assessment.Turns, assessment.Probability);
            Alert?.Invoke(this, assessment);
        }

        return assessment;
    }

    private CallAssessment Assess(int turns, int? alertTurn)
    {
        var (probability, patterns) = _classifier.Assess(_scorer.Ranges);

        var flagged = alertTurn is not null;
        var verdict = flagged ? ScamVerdict.LikelyScam : _classifier.VerdictOf(probability, _hasWords);
        return new CallAssessment(probability, flagged || verdict == ScamVerdict.LikelyScam, verdict, patterns, turns, alertTurn);
    }
}
