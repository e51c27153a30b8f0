using Microsoft.Extensions.Logging;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// Log messages. Message text is personal data: only <see cref="ScoredText"/> and <see cref="CallTurnText"/> carry it,
/// at Debug level, and only when <see cref="ScamClassifierOptions.LogMessageText"/> is on.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Loaded scam model {Model} (training data {TrainingDataSha256}), threshold {Threshold}")]
    public static partial void ModelLoaded(ILogger logger, string model, string trainingDataSha256, float threshold);

    [LoggerMessage(2, LogLevel.Warning, "Batch item {Index} could not be scored: {Reason}")]
    public static partial void BatchItemFailed(ILogger logger, int index, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Call session flagged as a likely scam at turn {Turn} (p = {Probability})")]
    public static partial void CallAlert(ILogger logger, int turn, float probability);

    [LoggerMessage(4, LogLevel.Debug, "Scored {Verdict} (p = {Probability}): {Text}")]
    public static partial void ScoredText(ILogger logger, ScamVerdict verdict, float probability, string text);

    [LoggerMessage(5, LogLevel.Debug, "Call turn {Turn} (p = {Probability}): {Utterance}")]
    public static partial void CallTurnText(ILogger logger, int turn, float probability, string utterance);
}
