using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary><c>scamscript train</c>: validate the data, train, evaluate on the held-out split, write the model.</summary>
internal static class TrainCommand
{
    /// <summary>Fewer held-out items than this and the held-out figures move by whole points with one item.</summary>
    internal const int MinimumMeaningfulHeldOut = 200;

    private static readonly string[] TrainerNames = [.. Enum.GetValues<ScamTrainerKind>().Select(Name)];

    public static Command Create()
    {
        var data = new Option<string>("--data", "-d") { Description = "Labelled JSONL/CSV file, or a directory of them.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => "model.zip" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same data and seed, same model).", DefaultValueFactory = _ => 42 };
        var trainer = new Option<ScamTrainerKind>("--trainer")
        {
            Description = "ML.NET trainer for every head.",
            HelpName = string.Join('|', TrainerNames),
            DefaultValueFactory = _ => ScamTrainerKind.Sdca,
            CustomParser = ParseTrainer,
        };
        trainer.CompletionSources.Add(TrainerNames);
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Leave out invalid rows (listed on stderr) instead of refusing to train." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print the training stages on stderr (they are not printed when stderr is redirected either); warnings are still printed." };
        var command = new Command("train", "Train a model from labelled data and write it with its manifest.") { data, output, seed, trainer, skipInvalid, quiet };
        command.SetAction(parse => CliModel.Run(() => Run(
            parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(trainer), parse.GetValue(skipInvalid), parse.GetValue(quiet))));
        return command;
    }

    private static string Name(ScamTrainerKind kind) => kind.ToString().ToLowerInvariant();

    private static ScamTrainerKind ParseTrainer(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return ScamTrainerKind.Sdca;
        }

        var value = result.Tokens[0].Value;
        if (Enum.TryParse<ScamTrainerKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _))
        {
            return kind;
        }

        result.AddError($"--trainer: unknown trainer \"{value}\" (expected one of: {string.Join(", ", TrainerNames)})");
        return default;
    }

    private static int Run(string dataPath, string outputPath, int seed, ScamTrainerKind trainerKind, bool skipInvalid, bool quiet)
    {
        var data = DataOptions.Read(dataPath, skipInvalid);
        if (data is null)
        {
            return ExitCodes.UsageOrData;
        }

        WarnAboutData(Console.Error, data);
        var progress = TrainingProgress.ForTerminal(quiet);
        var trainer = new ScamModelTrainer(new ScamTrainingOptions { Seed = seed, Trainer = trainerKind, Progress = progress });
        var model = trainer.Train(data.Items);
        model.Save(outputPath);
        progress?.Complete($"wrote {outputPath}");
        WarnAboutResult(Console.Error, model.HeldOut?.Overall.Items ?? 0, model.Manifest.Profiles);
        if (model.HeldOut is not null)
        {
            Console.WriteLine($"held-out evaluation ({model.HeldOut.Overall.Items} items the model did not train on):");
            ReportPrinter.Print(Console.Out, model.HeldOut);
        }

        Console.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length / 1024} KiB), training data SHA-256 {model.Manifest.TrainingDataSha256}");
        return ExitCodes.Success;
    }

    /// <summary>Warns about every scam row that names no category: the pattern heads learn nothing from it.</summary>
    internal static void WarnAboutData(TextWriter error, LabeledDataSet data)
    {
        var uncategorised = data.Items
            .Select((item, index) => (item, source: data.Sources[index]))
            .Where(x => x.item.IsScam && x.item.Patterns.Count == 0 && !x.item.IsOtherScam)
            .ToList();
        const int listed = 10;
        foreach (var (item, source) in uncategorised.Take(listed))
        {
            error.WriteLine($"scamscript: warning: {source}: item \"{item.Id}\" is labelled scam but has no categories; name its patterns, or \"other\" (the pattern heads learn nothing from it).");
        }

        if (uncategorised.Count > listed)
        {
            error.WriteLine($"scamscript: warning: … and {uncategorised.Count - listed} more scam item(s) without categories.");
        }
    }

    /// <summary>Warns when the held-out figures or the threshold profiles rest on too little data to mean anything.</summary>
    internal static void WarnAboutResult(TextWriter error, int heldOutItems, ThresholdProfiles? profiles)
    {
        if (heldOutItems < MinimumMeaningfulHeldOut)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scamscript: warning: only {heldOutItems} held-out item(s); with fewer than {MinimumMeaningfulHeldOut} the held-out figures are too rough to compare models or to quote."));
        }

        var same = profiles is null ? [] : new[] { ("highPrecision", profiles.HighPrecision), ("highRecall", profiles.HighRecall) }
            .Where(p => p.Item2 == profiles.Balanced).Select(p => p.Item1).ToList();
        if (same.Count > 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scamscript: warning: the {string.Join(" and ", same)} profile equals balanced ({profiles!.Balanced:0.000}): the training data are too small to tell the profiles apart; add data before relying on them."));
        }
    }
}
