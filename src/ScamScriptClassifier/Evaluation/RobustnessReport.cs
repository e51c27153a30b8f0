namespace ScamScriptClassifier;

/// <summary>
/// How the verdict holds up when texts are embedded, joined, repeated or replayed live, measured on unseen items
/// (composition only rearranges them). Every rate is over the items that qualified for that probe.
/// </summary>
/// <param name="ScamsFlaggedAlone">Scams flagged on their own: the items the insertion probes use.</param>
/// <param name="RetainedInShortContext">Share of those still flagged inside about 1,500 characters of unseen legit items, at the start, middle and end.</param>
/// <param name="RetainedInLongContext">… inside about 20,000 characters.</param>
/// <param name="LegitAloneFalsePositiveRate">Share of the unseen legit items flagged on their own.</param>
/// <param name="ConcatenatedLegitFalsePositiveRate">Share of joined runs of unseen legit items (0.8k–30k characters) flagged.</param>
/// <param name="RepeatedLegitNewlyFlagged">Legit items, not flagged alone, flagged when repeated 20 times.</param>
/// <param name="RepeatedLegitMeanAbsoluteChange">Mean |Δp| between a legit item and the same item repeated 20 times.</param>
/// <param name="RepeatedScamsStillFlagged">Share of flagged scams still flagged when repeated 20 times.</param>
/// <param name="ShortTurnsFlagged">Short everyday turns (greetings, fillers) flagged, out of <paramref name="ShortTurns"/>.</param>
/// <param name="ShortTurns">Short turns tried.</param>
/// <param name="GrowthFlipRate">Share of texts whose verdict changes when one neutral sentence is appended.</param>
/// <param name="LiveLegitAlertRate">Share of unseen legit transcripts that alert at some turn when replayed live.</param>
/// <param name="LiveLegitAlertRateWithAlo">… when each replay first receives an "Alo" turn.</param>
/// <param name="WholeVersusLiveAgreement">Share of unseen transcripts whose whole-text verdict equals the live verdict after the last turn.</param>
public sealed record RobustnessReport(
    int ScamsFlaggedAlone,
    double RetainedInShortContext,
    double RetainedInLongContext,
    double LegitAloneFalsePositiveRate,
    double ConcatenatedLegitFalsePositiveRate,
    int RepeatedLegitNewlyFlagged,
    double RepeatedLegitMeanAbsoluteChange,
    double RepeatedScamsStillFlagged,
    int ShortTurnsFlagged,
    int ShortTurns,
    double GrowthFlipRate,
    double LiveLegitAlertRate,
    double LiveLegitAlertRateWithAlo,
    double WholeVersusLiveAgreement);
