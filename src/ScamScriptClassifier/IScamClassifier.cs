namespace ScamScriptClassifier;

/// <summary>Scores Vietnamese messages and call transcripts for the impersonation-scam family. Implementations are thread-safe.</summary>
public interface IScamClassifier
{
    /// <summary>Scores <paramref name="text"/> with per-pattern probabilities and evidence.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    ScamAssessment Score(string text);

    /// <summary>The same probability as <see cref="Score"/>, without patterns or evidence, allocating nothing.</summary>
    float ScoreProbability(ReadOnlySpan<char> text);
}
