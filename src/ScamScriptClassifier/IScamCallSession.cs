namespace ScamScriptClassifier;

/// <summary>
/// A live call in progress, as <see cref="IScamClassifier.StartCall"/> returns it: append each utterance as it is
/// recognised and read the running assessment. <see cref="ScamCallSession"/> is the library's implementation; a test
/// can supply its own. Implementations are thread-safe.
/// </summary>
public interface IScamCallSession
{
    /// <summary>Raised once, on the turn the call is first flagged.</summary>
    event EventHandler<CallAssessment>? Alert;

    /// <summary>The assessment after the last appended utterance.</summary>
    CallAssessment Current { get; }

    /// <summary>Adds one utterance and returns the running assessment of the call.</summary>
    /// <param name="utterance">What was said, as transcribed.</param>
    /// <param name="speaker">Who said it, if known; an implementation may ignore it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utterance"/> is null.</exception>
    CallAssessment Append(string utterance, string? speaker = null);
}
