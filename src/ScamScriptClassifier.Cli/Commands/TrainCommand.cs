using System.CommandLine;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary><c>scamscript train</c>: validate the data, train, evaluate on the held-out split, write the model.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data", "-d") { Description = "Labelled JSONL/CSV file, or a directory of them.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => "model.zip" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same data and seed, same model).", DefaultValueFactory = _ => 42 };
        var trainer = new Option<ScamTrainerKind>("--trainer") { Description = "ML.NET trainer for every head.", DefaultValueFactory = _ => ScamTrainerKind.Sdca };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Leave out invalid rows (listed on stderr) instead of refusing to train." };
        var command = new Command("train", "Train a model from labelled data and write it with its manifest.") { data, output, seed, trainer, skipInvalid };
        command.SetAction(parse => CliModel.Run(() => Run(
            parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(trainer), parse.GetValue(skipInvalid))));
        return command;
    }

    private static int Run(string dataPath, string outputPath, int seed, ScamTrainerKind trainerKind, bool skipInvalid)
    {
        var data = DataOptions.Read(dataPath, skipInvalid);
        if (data is null)
        {
            return ExitCodes.UsageOrData;
        }

        var trainer = new ScamModelTrainer(new ScamTrainingOptions { Seed = seed, Trainer = trainerKind, Progress = DataOptions.TerminalProgress() });
        var model = trainer.Train(data.Items);
        model.Save(outputPath);
        if (model.HeldOut is not null)
        {
            Console.WriteLine($"held-out evaluation ({model.HeldOut.Overall.Items} items the model did not train on):");
            ReportPrinter.Print(Console.Out, model.HeldOut);
        }

        Console.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length / 1024} KiB), training data SHA-256 {model.Manifest.TrainingDataSha256}");
        return ExitCodes.Success;
    }
}
