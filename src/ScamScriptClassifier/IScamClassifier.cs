namespace ScamScriptClassifier;

/// <summary>
/// Scores Vietnamese messages and call transcripts for the impersonation-scam family. Implementations are thread-safe.
/// <see cref="ScamClassifier"/> is the library's implementation; every type this interface returns can be constructed or
/// implemented by a test, so a consumer can fake it, live calls included.
/// </summary>
public interface IScamClassifier
{
    /// <summary>Scores <paramref name="text"/> with per-pattern probabilities and evidence.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    ScamAssessment Score(string text);

    /// <summary>The same probability as <see cref="Score"/>, without patterns or evidence, allocating nothing.</summary>
    float ScoreProbability(ReadOnlySpan<char> text);

    /// <summary>
    /// Scores many texts on all cores. The results are in input order; an item that cannot be scored (null, or
    /// longer than the limit) gets its error in its place and the others are scored.
    /// </summary>
    IReadOnlyList<ScamBatchResult> ScoreBatch(IReadOnlyList<string?> texts, CancellationToken cancellationToken = default);

    /// <summary>Starts a live call: append each utterance as it is recognised and read the running assessment.</summary>
    IScamCallSession StartCall();
}
