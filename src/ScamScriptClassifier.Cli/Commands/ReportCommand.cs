using System.CommandLine;
using System.Text.Json;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary><c>scamscript report</c>: the 156 / 5656 report (<c>LD &lt;number&gt; &lt;content&gt;</c>) for a flagged text.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model file (default: the model embedded in the library)." };
        var text = new Option<string>("--text", "-t") { Description = "The message or transcript.", Required = true };
        var caller = new Option<string?>("--caller") { Description = "The number that called or texted; default: the first number the text mentions." };
        var command = new Command("report", "Compose the report for the 156 / 5656 hotline, if the text is flagged.") { model, text, caller };
        command.SetAction(parse => CliModel.Run(() => Run(parse.GetValue(model), parse.GetValue(text)!, parse.GetValue(caller))));
        return command;
    }

    private static int Run(string? modelPath, string text, string? caller)
    {
        var assessment = CliModel.Open(modelPath).Score(text);
        if (!assessment.IsScam)
        {
            Console.Error.WriteLine($"scamscript: not flagged ({assessment.Verdict}, p = {assessment.Probability:0.000}); nothing to report.");
            return ExitCodes.SomeFailed;
        }

        var report = ScamReports.Compose(text, assessment, caller);
        Console.WriteLine(JsonSerializer.Serialize(report, Json.Options));
        return 0;
    }
}
