namespace ScamScriptClassifier;

/// <summary>Binary quality of the scam verdict on a set of items.</summary>
/// <param name="Items">Items scored.</param>
/// <param name="ScamItems">Of which labelled scam.</param>
/// <param name="RocAuc">Area under the ROC curve; null when the set holds only one label.</param>
/// <param name="PrAuc">Average precision; null when the set holds no scam.</param>
/// <param name="Precision">Scam precision at the threshold.</param>
/// <param name="Recall">Scam recall at the threshold.</param>
/// <param name="F1">Scam F1 at the threshold.</param>
/// <param name="FalsePositiveRate">Share of legit items flagged.</param>
/// <param name="TruePositives">Scams flagged.</param>
/// <param name="FalsePositives">Legit items flagged.</param>
/// <param name="TrueNegatives">Legit items passed.</param>
/// <param name="FalseNegatives">Scams missed.</param>
public sealed record BinaryMetrics(
    int Items,
    int ScamItems,
    double? RocAuc,
    double? PrAuc,
    double Precision,
    double Recall,
    double F1,
    double FalsePositiveRate,
    int TruePositives,
    int FalsePositives,
    int TrueNegatives,
    int FalseNegatives);

/// <summary>How well one pattern's probability (read at 0.5) matches the items' categories.</summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Support">Items that carry it.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1.</param>
public sealed record PatternMetrics(ScamPattern Pattern, int Support, double Precision, double Recall, double F1);

/// <summary>An item the model got wrong, for error analysis.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Source">The file it came from, if read from files.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="IsScam">Its label.</param>
/// <param name="Probability">The model's probability.</param>
/// <param name="Text">The text.</param>
public sealed record EvaluationError(string Id, string? Source, MessageKind Kind, bool IsScam, float Probability, string Text);

/// <summary>
/// How early live call sessions flag transcripts: each transcript item is replayed line by line through
/// <see cref="IScamClassifier.StartCall"/>, the first speaker taken as the caller.
/// </summary>
/// <param name="ScamCalls">Scam transcripts replayed.</param>
/// <param name="FlaggedByCallerTurn2">Share of scam calls flagged by the caller's 2nd turn.</param>
/// <param name="FlaggedByCallerTurn3">… by the 3rd.</param>
/// <param name="FlaggedByCallerTurn4">… by the 4th.</param>
/// <param name="FlaggedByEnd">… by the end of the call.</param>
/// <param name="LegitCalls">Legit transcripts replayed.</param>
/// <param name="FalseAlarmRate">Share of legit calls flagged at any point.</param>
public sealed record EarlyDetection(
    int ScamCalls,
    double FlaggedByCallerTurn2,
    double FlaggedByCallerTurn3,
    double FlaggedByCallerTurn4,
    double FlaggedByEnd,
    int LegitCalls,
    double FalseAlarmRate);

/// <summary>The result of scoring labelled items with a model.</summary>
/// <param name="Threshold">The threshold the binary metrics were read at.</param>
/// <param name="Overall">All items.</param>
/// <param name="ByKind">Broken down by kind (<c>sms</c>, <c>transcript</c>, <c>asr</c>).</param>
/// <param name="BySource">Broken down by source file, when items came from files.</param>
/// <param name="ByDiacritics">Broken down by writing: <c>with-diacritics</c>, or <c>no-diacritics</c> for text without a single Vietnamese diacritic.</param>
/// <param name="Patterns">Per-pattern quality.</param>
/// <param name="EarlyDetection">Live-call replay of the transcript items.</param>
/// <param name="Errors">The misclassified items, worst first.</param>
/// <param name="SkippedSeen">Items left out because the model was fitted on their exact text.</param>
public sealed record EvaluationReport(
    float Threshold,
    BinaryMetrics Overall,
    IReadOnlyDictionary<string, BinaryMetrics> ByKind,
    IReadOnlyDictionary<string, BinaryMetrics> BySource,
    IReadOnlyDictionary<string, BinaryMetrics> ByDiacritics,
    IReadOnlyList<PatternMetrics> Patterns,
    EarlyDetection EarlyDetection,
    IReadOnlyList<EvaluationError> Errors,
    int SkippedSeen)
{
    /// <summary>Broken down by the items' sender kind (<c>otp</c>, <c>bank</c>, <c>carrier</c>, …), for items that name one.</summary>
    public IReadOnlyDictionary<string, BinaryMetrics> BySender { get; init; } = new Dictionary<string, BinaryMetrics>();
}

/// <summary>The default model and the <see cref="TfIdfBaseline"/>, evaluated on the same unseen items.</summary>
/// <param name="ModelReport">The model's report.</param>
/// <param name="Baseline">The baseline, trained on the model's training split.</param>
/// <param name="BaselineReport">The baseline's report on the same items.</param>
/// <param name="BaselineTrainItems">Items the baseline was trained on.</param>
public sealed record BaselineComparison(EvaluationReport ModelReport, TfIdfBaseline Baseline, EvaluationReport BaselineReport, int BaselineTrainItems);
