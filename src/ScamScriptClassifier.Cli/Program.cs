using System.CommandLine;
using ScamScriptClassifier.Cli.Commands;

var root = new RootCommand("scamscript: score Vietnamese messages and call transcripts for the Sở TT-TT impersonation scam family.")
{
    ScoreCommand.Create(),
    EvaluateCommand.Create(),
    TrainCommand.Create(),
    ReportCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"scamscript: {error.Message}");
    }

    Console.Error.WriteLine("Run 'scamscript --help' for usage.");
    return ExitCodes.UsageOrData;
}

try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    // Not "some lines failed" (1) nor a user error (2): a bug, with what is needed to report it.
    Console.Error.WriteLine($"scamscript: internal error; please report it with this trace: {ex}");
    return ExitCodes.InternalError;
}
