using System.Runtime.Intrinsics;
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
/// A live call, scored as it is transcribed. Each <see cref="Append"/> featurises only the new utterance and
/// adds it to running sums, so its cost is proportional to the utterance, not the call. Once the call crosses the
/// threshold it raises <see cref="Alert"/> once and stays flagged. Thread-safe.
/// </summary>
/// <remarks>
/// While the call is at most <see cref="ScamClassifier.MaxUnwindowedLength"/> characters, the probability equals
/// <see cref="ScamClassifier.Score"/> of the utterances joined by new lines. Beyond that, the most recent
/// utterances (as many whole ones as fit in <see cref="ScamClassifier.WindowLength"/> characters, and at least the
/// last) are scored too and the higher probability counts, as windows do for long texts: a long stretch of small
/// talk cannot dilute what was said last.
/// </remarks>
public sealed class ScamCallSession
{
    private readonly ScamClassifier _classifier;
    private readonly Lock _gate = new();
    private readonly Queue<(Vector256<float> Sums, int Occurrences, int Length)> _recent = new();
    private Vector256<float> _callSums;
    private int _callOccurrences;
    private int _callLength;
    private Vector256<float> _recentSums;
    private int _recentOccurrences;
    private int _recentLength;
    private bool _hasWords;
    private CallAssessment _current;

    internal ScamCallSession(ScamClassifier classifier)
    {
        _classifier = classifier;
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
    public CallAssessment Append(string utterance, string? speaker = null)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        _classifier.RequireWithinLimit(utterance.Length);
        var added = _classifier.ScoreWindow(utterance);
        CallAssessment assessment;
        var alerted = false;
        lock (_gate)
        {
            _callSums += added.Sums;
            _callOccurrences += added.Occurrences;
            // The length of the utterances joined by new lines, as Score would see them.
            _callLength += (_current.Turns == 0 ? 0 : 1) + utterance.Length;
            _hasWords |= added.Occurrences > 0;

            _recent.Enqueue((added.Sums, added.Occurrences, utterance.Length + 1));
            _recentSums += added.Sums;
            _recentOccurrences += added.Occurrences;
            _recentLength += utterance.Length + 1;
            while (_recent.Count > 1 && _recentLength > ScamClassifier.WindowLength)
            {
                var (sums, occurrences, length) = _recent.Dequeue();
                _recentSums -= sums;
                _recentOccurrences -= occurrences;
                _recentLength -= length;
            }

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
        var heads = _classifier.Heads;
        var windowed = _callLength > ScamClassifier.MaxUnwindowedLength;
        float HeadProbability(int head)
        {
            var whole = heads.Probability(head, _callSums.GetElement(head), _callOccurrences);
            return windowed ? Math.Max(whole, heads.Probability(head, _recentSums.GetElement(head), _recentOccurrences)) : whole;
        }

        var probability = HeadProbability(LinearHeads.Scam);
        var patterns = new Dictionary<ScamPattern, float>(ScamPatterns.All.Count);
        foreach (var pattern in ScamPatterns.All)
        {
            patterns[pattern] = HeadProbability(LinearHeads.HeadOf(pattern));
        }

        var flagged = alertTurn is not null;
        var verdict = flagged ? ScamVerdict.LikelyScam : _classifier.VerdictOf(probability, _hasWords);
        return new CallAssessment(probability, flagged || verdict == ScamVerdict.LikelyScam, verdict, patterns, turns, alertTurn);
    }
}
