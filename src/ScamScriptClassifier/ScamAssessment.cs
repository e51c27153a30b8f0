using System.Text.Json.Serialization;

namespace ScamScriptClassifier;

/// <summary>How a text is graded, from the calibrated probability and the model's threshold. In JSON, its name (<c>"LikelyScam"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScamVerdict>))]
public enum ScamVerdict
{
    /// <summary>Below three quarters of the model's threshold, or a text without a single word.</summary>
    Safe,

    /// <summary>At least three quarters of the threshold, but below it: worth a second look.</summary>
    Suspicious,

    /// <summary>At or above the threshold (<see cref="ScamAssessment.IsScam"/> is true).</summary>
    LikelyScam,
}

/// <summary>A phrase of the original text that pushed a pattern's score up.</summary>
/// <param name="Text">The phrase, exactly as it stands in the scored text.</param>
/// <param name="Start">Its offset in the scored text, in UTF-16 code units.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
/// <param name="Pattern">The pattern it supports.</param>
/// <param name="Weight">Its contribution to that pattern's raw score (larger is stronger). Not serialised: it is not part of the wire format.</param>
public sealed record ScamEvidence(string Text, int Start, int Length, ScamPattern Pattern, [property: JsonIgnore] float Weight);

/// <summary>
/// The result of scoring one text. Serialised with System.Text.Json's web defaults (or <see cref="ScamScriptJsonContext"/>),
/// it is the record <c>scamscript score</c> writes: <c>probability</c>, <c>isScam</c>, <c>verdict</c>, <c>patterns</c> keyed by
/// wire name, <c>evidence</c> (<c>text</c>, <c>start</c>, <c>length</c>, <c>pattern</c>).
/// </summary>
/// <param name="Probability">Calibrated probability, in [0, 1], that the text is this scam family.</param>
/// <param name="IsScam">Whether <paramref name="Probability"/> reaches the model's tuned threshold.</param>
/// <param name="Verdict">A graded reading of the probability.</param>
/// <param name="Patterns">The calibrated probability of each pattern, for every <see cref="ScamPattern"/>.</param>
/// <param name="Evidence">The phrases that contributed most, ordered by their position in the text.</param>
public sealed record ScamAssessment(
    float Probability,
    bool IsScam,
    ScamVerdict Verdict,
    IReadOnlyDictionary<ScamPattern, float> Patterns,
    IReadOnlyList<ScamEvidence> Evidence);

/// <summary>One item of <see cref="IScamClassifier.ScoreBatch"/>: its assessment, or why it has none.</summary>
/// <param name="Index">The item's position in the input.</param>
/// <param name="Assessment">The assessment; null when the item failed.</param>
/// <param name="Error">Why the item could not be scored; null when it was.</param>
public sealed record ScamBatchResult(int Index, ScamAssessment? Assessment, string? Error);
