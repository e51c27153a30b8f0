using System.Diagnostics.Metrics;

namespace ScamScriptClassifier;

/// <summary>
/// The library's instruments, on the meter <c>ScamScriptClassifier</c>, for OpenTelemetry or any
/// <see cref="MeterListener"/>: <c>scamscript.assessments</c> (counter, tagged by verdict),
/// <c>scamscript.assessment.duration</c> (histogram, milliseconds) and <c>scamscript.call.alerts</c> (counter).
/// The allocation-free <see cref="ScamClassifier.ScoreProbability"/> records nothing.
/// </summary>
public static class ScamScriptMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ScamScriptClassifier";

    private static readonly Meter Meter = new(MeterName, typeof(ScamScriptMetrics).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Assessments = Meter.CreateCounter<long>("scamscript.assessments", description: "Texts scored with an assessment.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("scamscript.assessment.duration", unit: "ms", description: "Time to score one text with evidence.");
    private static readonly Counter<long> CallAlerts = Meter.CreateCounter<long>("scamscript.call.alerts", description: "Live calls that crossed the threshold.");

    internal static void RecordScore(ScamVerdict verdict, TimeSpan elapsed)
    {
        if (Assessments.Enabled)
        {
            Assessments.Add(1, new KeyValuePair<string, object?>("verdict", verdict.ToString()));
        }

        if (Duration.Enabled)
        {
            Duration.Record(elapsed.TotalMilliseconds);
        }
    }

    internal static void RecordCallAlert() => CallAlerts.Add(1);
}
