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
        var command = new Command("report",
            "Compose the report for the 156 / 5656 hotline, if the text is flagged. Exit codes: 0 reported; 1 not flagged; "
            + "2 bad input or model; 3 flagged, but the text names no phone number and --caller was not given; 70 an internal error.") { model, text, caller };
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

        ScamReport report;
        try
        {
            report = ScamReports.Compose(text, assessment, caller);
        }
        catch (ArgumentException ex) when (caller is null && ex.ParamName == "callerNumber")
        {
            Console.Error.WriteLine(
                $"scamscript: flagged ({assessment.Verdict}, p = {assessment.Probability:0.000}), but the text names no phone number to report; "
                + "give the number that called or texted with --caller, e.g. --caller 0912345678.");
            return ExitCodes.NoNumber;
        }

        Console.WriteLine(JsonSerializer.Serialize(report, Json.Options));
        return ExitCodes.Success;
    }
}
