using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary><c>scamscript evaluate</c>: quality of a model on labelled data, or k-fold cross-validation of training.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data", "-d") { Description = "Labelled JSONL/CSV file, or a directory of them.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model embedded in the library)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var cv = new Option<int>("--cv") { Description = "Instead of scoring with a model, cross-validate training with this many folds (at least 2)." };
        var seed = new Option<int>("--seed") { Description = "Seed for --cv.", DefaultValueFactory = _ => 42 };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Leave out invalid rows (listed on stderr) instead of stopping." };
        var compare = new Option<bool>("--compare-trainers") { Description = "Instead of scoring with a model, fit SDCA, L-BFGS and FastTree on the same split and compare them on the same held-out items." };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Also train the TF-IDF + logistic-regression baseline on the items of this labelled file or directory that the model was trained on, and report it side by side.",
        };
        var robustness = new Option<bool>("--robustness")
        {
            Description = "Also probe the unseen items embedded in long texts, joined, repeated, as short turns and replayed live (lengths, positions, repetition, greetings, live alerts).",
        };
        var command = new Command("evaluate", "ROC-AUC, PR-AUC, precision, recall, F1, false-positive rate, confusion matrix, per-pattern F1, by kind and by file.")
        {
            data, model, json, cv, seed, skipInvalid, compare, baseline, robustness,
        };
        command.SetAction(parse => CliModel.Run(() => Run(
            parse.GetValue(data)!, parse.GetValue(model), parse.GetValue(json), parse.GetValue(cv), parse.GetValue(seed), parse.GetValue(skipInvalid), parse.GetValue(compare), parse.GetValue(baseline), parse.GetValue(robustness))));
        return command;
    }

    private static int Run(string dataPath, string? modelPath, bool asJson, int folds, int seed, bool skipInvalid, bool compareTrainers, string? baselinePath, bool probeRobustness)
    {
        var data = DataOptions.Read(dataPath, skipInvalid);
        if (data is null)
        {
            return ExitCodes.UsageOrData;
        }

        if (compareTrainers)
        {
            var results = new ScamModelTrainer(new ScamTrainingOptions { Seed = seed, Progress = DataOptions.TerminalProgress() }).CompareTrainers(data.Items);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(results, Json.Indented));
                return 0;
            }

            Console.WriteLine($"{"trainer",-10} {"ROC-AUC",8} {"PR-AUC",7} {"prec",6} {"recall",6} {"F1",6} {"FPR",6}  (scam head, same held-out split, threshold 0.5)");
            foreach (var (name, m) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-10} {m.RocAuc,8:0.0000} {m.PrAuc,7:0.0000} {m.Precision,6:0.000} {m.Recall,6:0.000} {m.F1,6:0.000} {m.FalsePositiveRate,6:0.000}"));
            }

            return 0;
        }

        if (folds != 0)
        {
            if (folds < 2)
            {
                throw new ArgumentException($"--cv takes at least 2 folds, not {folds}.");
            }

            var trainer = new ScamModelTrainer(new ScamTrainingOptions { Seed = seed, Progress = DataOptions.TerminalProgress() });
            var reports = trainer.CrossValidate(data.Items, folds);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(reports, Json.Indented));
                return 0;
            }

            PrintCrossValidation(reports);
            return 0;
        }

        var classifier = CliModel.Open(modelPath);
        if (baselinePath is not null)
        {
            var corpus = DataOptions.Read(baselinePath, skipInvalid);
            if (corpus is null)
            {
                return ExitCodes.UsageOrData;
            }

            var options = new ScamTrainingOptions { Seed = seed, Progress = DataOptions.TerminalProgress() };
            var comparison = ScamEvaluator.CompareWithBaseline(classifier, corpus.Items, data.Items, data.Sources, options);
            var (report, tfIdf, baselineReport) = (comparison.ModelReport, comparison.Baseline, comparison.BaselineReport);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { model = report, baseline = baselineReport }, Json.Indented));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"baseline: TF-IDF (word 1-2 + char 1-5-grams) + logistic regression ({tfIdf.Solver}), trained on the model's {comparison.BaselineTrainItems} training items; L2 {tfIdf.L2Regularization} by {options.ThresholdFolds}-fold CV (ROC-AUC {tfIdf.CrossValidatedRocAuc:0.0000}), threshold {tfIdf.Threshold:0.000}"));
                ReportPrinter.PrintComparison(Console.Out, report, baselineReport);
            }

            return 0;
        }

        var single = ScamEvaluator.Evaluate(classifier, data.Items, data.Sources);
        var probes = probeRobustness ? ScamEvaluator.Robustness(classifier, data.Items, seed: seed) : null;
        if (asJson)
        {
            Console.WriteLine(probes is null
                ? JsonSerializer.Serialize(single, Json.Indented)
                : JsonSerializer.Serialize(new { report = single, robustness = probes }, Json.Indented));
        }
        else
        {
            ReportPrinter.Print(Console.Out, single);
            if (probes is not null)
            {
                ReportPrinter.Print(Console.Out, probes);
            }
        }

        return 0;
    }

    private static void PrintCrossValidation(IReadOnlyList<EvaluationReport> reports)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            Console.WriteLine($"=== fold {i + 1}/{reports.Count}");
            ReportPrinter.Print(Console.Out, reports[i], errorExamples: 0);
        }

        Console.WriteLine($"=== mean ± standard deviation over {reports.Count} folds");
        Summary("ROC-AUC", reports.Select(r => r.Overall.RocAuc ?? double.NaN));
        Summary("PR-AUC", reports.Select(r => r.Overall.PrAuc ?? double.NaN));
        Summary("precision", reports.Select(r => r.Overall.Precision));
        Summary("recall", reports.Select(r => r.Overall.Recall));
        Summary("F1", reports.Select(r => r.Overall.F1));
        Summary("false-positive rate", reports.Select(r => r.Overall.FalsePositiveRate));
        foreach (var pattern in ScamPatterns.All)
        {
            Summary($"F1 {pattern.ToWireName()}", reports.Select(r => r.Patterns.First(p => p.Pattern == pattern).F1));
        }
    }

    private static void Summary(string name, IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        var deviation = Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {mean:0.0000} ± {deviation:0.0000}"));
    }
}
