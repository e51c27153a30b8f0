using System.CommandLine;
using ScamScriptClassifier.Cli.Commands;

var root = new RootCommand("scamscript: score Vietnamese messages and call transcripts for the Sở TT-TT impersonation scam family.")
{
    ScoreCommand.Create(),
    EvaluateCommand.Create(),
    TrainCommand.Create(),
    ReportCommand.Create(),
};
return root.Parse(args).Invoke();
