using System.Globalization;
using System.Text.RegularExpressions;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary>
/// Prints the trainer's stage messages with a percentage: each stage has a fixed share of the run (the stacking folds,
/// which take most of the time, share 5–60%), and the percentage never goes back.
/// Writes synchronously, so the lines come out in the order the trainer reports them.
/// </summary>
internal sealed partial class TrainingProgress(TextWriter writer) : IProgress<string>
{
    private int _percent;
    private int _heads;

    /// <summary>A progress printer on stderr, or null when stderr is redirected or <paramref name="quiet"/> is set.</summary>
    public static TrainingProgress? ForTerminal(bool quiet) =>
        quiet || Console.IsErrorRedirected ? null : new TrainingProgress(Console.Error);

    public void Report(string value)
    {
        _percent = Math.Max(_percent, PercentOf(value));
        writer.WriteLine($"  [{_percent,3}%] {value}");
    }

    /// <summary>The last line: the model is written.</summary>
    public void Complete(string message)
    {
        _percent = 100;
        writer.WriteLine($"  [100%] {message}");
    }

    /// <summary>Where in the run the stage <paramref name="message"/> starts.</summary>
    internal int PercentOf(string message)
    {
        if (message.StartsWith("featurising", StringComparison.Ordinal))
        {
            return 0;
        }

        var fold = FoldPattern().Match(message);
        if (message.StartsWith("stacking fold", StringComparison.Ordinal) && fold.Success)
        {
            var k = int.Parse(fold.Groups[1].Value, CultureInfo.InvariantCulture);
            var n = int.Parse(fold.Groups[2].Value, CultureInfo.InvariantCulture);
            return 5 + (55 * (k - 1) / Math.Max(n, 1));
        }

        if (message.StartsWith("aggregator", StringComparison.Ordinal))
        {
            return 60;
        }

        if (message.StartsWith("fitting the", StringComparison.Ordinal))
        {
            return 65;
        }

        if (message.StartsWith("threshold", StringComparison.Ordinal))
        {
            return 70;
        }

        if (message.StartsWith("fitting head", StringComparison.Ordinal))
        {
            return Math.Min(89, 72 + (3 * _heads++));
        }

        if (message.StartsWith("evaluating", StringComparison.Ordinal))
        {
            return 90;
        }

        return _percent;
    }

    [GeneratedRegex(@"(\d+)/(\d+)")]
    private static partial Regex FoldPattern();
}
