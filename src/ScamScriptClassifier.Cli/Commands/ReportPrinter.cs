using System.Globalization;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary>Prints an <see cref="EvaluationReport"/> as a plain-text table.</summary>
internal static class ReportPrinter
{
    public static void Print(TextWriter writer, EvaluationReport report, int errorExamples = 5)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {report.Threshold:0.000}; {report.Overall.Items} items scored; {report.SkippedSeen} skipped (the model was fitted on them)"));
        writer.WriteLine($"{"subset",-28} {"items",6} {"scam",5} {"ROC-AUC",8} {"PR-AUC",7} {"prec",6} {"recall",6} {"F1",6} {"FPR",6}   TP / FP / TN / FN");
        Row(writer, "all", report.Overall);
        foreach (var (kind, metrics) in report.ByKind)
        {
            Row(writer, $"kind {kind}", metrics);
        }

        foreach (var (writing, metrics) in report.ByDiacritics)
        {
            Row(writer, writing, metrics);
        }

        foreach (var (source, metrics) in report.BySource)
        {
            Row(writer, $"file {source}", metrics);
        }

        foreach (var (sender, metrics) in report.BySender)
        {
            Row(writer, $"sender {sender}", metrics);
        }

        writer.WriteLine();
        writer.WriteLine($"{"pattern",-28} {"support",7} {"prec",6} {"recall",6} {"F1",6}");
        foreach (var pattern in report.Patterns)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pattern.Pattern.ToWireName(),-28} {pattern.Support,7} {pattern.Precision,6:0.000} {pattern.Recall,6:0.000} {pattern.F1,6:0.000}"));
        }

        var early = report.EarlyDetection;
        if (early.ScamCalls + early.LegitCalls > 0)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"live-call replay of {early.ScamCalls} scam and {early.LegitCalls} legit transcripts: scam calls flagged by caller turn 2 {early.FlaggedByCallerTurn2:P1}, turn 3 {early.FlaggedByCallerTurn3:P1}, turn 4 {early.FlaggedByCallerTurn4:P1}, by the end {early.FlaggedByEnd:P1}; legit calls flagged {early.FalseAlarmRate:P1}"));
        }

        if (report.Errors.Count > 0 && errorExamples > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"{report.Errors.Count} errors; the {Math.Min(errorExamples, report.Errors.Count)} most confident:");
            foreach (var error in report.Errors.Take(errorExamples))
            {
                var text = error.Text.ReplaceLineEndings(" ");
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(error.IsScam ? "missed scam" : "false alarm"),-11} p={error.Probability:0.000} {error.Id} ({error.Source ?? error.Kind.ToWireName()}): {(text.Length > 140 ? text[..140] + "…" : text)}"));
            }
        }
    }

    public static void Print(TextWriter writer, RobustnessReport r)
    {
        writer.WriteLine();
        writer.WriteLine("robustness (unseen items, composed):");
        void Line(string name, string value) => writer.WriteLine($"  {name,-64} {value}");
        Line($"scams flagged alone, used for insertion", r.ScamsFlaggedAlone.ToString(CultureInfo.InvariantCulture));
        Line("still flagged inside ~1,500 chars of legit (start/middle/end)", Percent(r.RetainedInShortContext));
        Line("still flagged inside ~20,000 chars of legit (start/middle/end)", Percent(r.RetainedInLongContext));
        Line("legit items flagged alone", Percent(r.LegitAloneFalsePositiveRate));
        Line("joined legit items (0.8k-30k chars) flagged", Percent(r.ConcatenatedLegitFalsePositiveRate));
        Line("legit repeated 20 times: newly flagged", r.RepeatedLegitNewlyFlagged.ToString(CultureInfo.InvariantCulture));
        Line("legit repeated 20 times: mean |dp|", r.RepeatedLegitMeanAbsoluteChange.ToString("0.000", CultureInfo.InvariantCulture));
        Line("scams repeated 20 times: still flagged", Percent(r.RepeatedScamsStillFlagged));
        Line("short turns and greetings flagged (alone or repeated)", $"{r.ShortTurnsFlagged} of {r.ShortTurns}");
        Line("verdicts flipped by appending one neutral sentence", Percent(r.GrowthFlipRate));
        Line("legit calls replayed live: alert at some turn", Percent(r.LiveLegitAlertRate));
        Line("legit calls replayed live after an 'Alo' turn: alert at some turn", Percent(r.LiveLegitAlertRateWithAlo));
        Line("whole-call verdict equals the live verdict after the last turn", Percent(r.WholeVersusLiveAgreement));
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>The model and the baseline side by side, subset by subset, each at its own threshold.</summary>
    public static void PrintComparison(TextWriter writer, EvaluationReport model, EvaluationReport baseline)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model threshold {model.Threshold:0.000}, baseline threshold {baseline.Threshold:0.000}; {model.Overall.Items} items the model did not train on"));
        writer.WriteLine($"{"subset",-34} {"items",6} | {"model: ROC-AUC",14} {"F1",6} {"recall",6} {"FPR",6} | {"baseline: ROC-AUC",17} {"F1",6} {"recall",6} {"FPR",6}");
        void Compare(string name, BinaryMetrics? m, BinaryMetrics? b)
        {
            if (m is null || b is null)
            {
                return;
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {m.Items,6} | {Optional(m.RocAuc),14} {m.F1,6:0.000} {m.Recall,6:0.000} {m.FalsePositiveRate,6:0.000} | {Optional(b.RocAuc),17} {b.F1,6:0.000} {b.Recall,6:0.000} {b.FalsePositiveRate,6:0.000}"));
        }

        Compare("all", model.Overall, baseline.Overall);
        foreach (var (kind, metrics) in model.ByKind)
        {
            Compare($"kind {kind}", metrics, baseline.ByKind.GetValueOrDefault(kind));
        }

        foreach (var (writing, metrics) in model.ByDiacritics)
        {
            Compare(writing, metrics, baseline.ByDiacritics.GetValueOrDefault(writing));
        }

        Compare("hard negatives (legit-hard-*)", HardNegatives(model), HardNegatives(baseline));
        foreach (var (source, metrics) in model.BySource)
        {
            Compare($"file {source}", metrics, baseline.BySource.GetValueOrDefault(source));
        }

        foreach (var (sender, metrics) in model.BySender)
        {
            Compare($"sender {sender}", metrics, baseline.BySender.GetValueOrDefault(sender));
        }
    }

    /// <summary>The legit-hard-* files together: FPR and counts only (they hold no scams).</summary>
    private static BinaryMetrics? HardNegatives(EvaluationReport report)
    {
        var hard = report.BySource.Where(s => s.Key.StartsWith("legit-hard", StringComparison.Ordinal)).Select(s => s.Value).ToList();
        if (hard.Count == 0)
        {
            return null;
        }

        int fp = hard.Sum(h => h.FalsePositives), tn = hard.Sum(h => h.TrueNegatives);
        return new BinaryMetrics(fp + tn, 0, null, null, 0, 0, 0, fp + tn == 0 ? 0 : fp / (double)(fp + tn), 0, fp, tn, 0);
    }

    private static void Row(TextWriter writer, string name, BinaryMetrics m) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {m.Items,6} {m.ScamItems,5} {Optional(m.RocAuc),8} {Optional(m.PrAuc),7} {m.Precision,6:0.000} {m.Recall,6:0.000} {m.F1,6:0.000} {m.FalsePositiveRate,6:0.000}   {m.TruePositives} / {m.FalsePositives} / {m.TrueNegatives} / {m.FalseNegatives}"));

    private static string Optional(double? value) =>
        value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
