using ScamScriptClassifier.Cli.Commands;

namespace ScamScriptClassifier.Tests.Cli;

/// <summary>What <c>scamscript train</c> prints on a terminal while it trains, and the warnings it gives.</summary>
public sealed class TrainingProgressTests
{
    [Fact]
    public void Stages_GetAPercentageThatNeverGoesBackAndEndsAt100()
    {
        var output = new StringWriter();
        var progress = new TrainingProgress(output);
        var messages = new[]
        {
            "featurising 100 items (80 train, 20 held out)",
            "stacking fold 1/5: fitting the heads on 64 items",
            "stacking fold 2/5: fitting the heads on 64 items",
            "stacking fold 5/5: fitting the heads on 64 items",
            "aggregator FastTree: log loss 0.1000 on held-back out-of-fold signals",
            "fitting the FastTree aggregator on 80 out-of-fold items and 80 composed texts",
            "threshold 0.500, high recall 0.400, high precision 0.600 (tuned by 5-fold cross-validation on the training split)",
            "fitting head Label",
            "fitting head Impersonation",
            "some message the trainer adds later",
            "evaluating on 20 held-out items",
        };

        foreach (var message in messages)
        {
            progress.Report(message);
        }

        progress.Complete("wrote model.zip");

        var percents = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => int.Parse(line[(line.IndexOf('[') + 1)..line.IndexOf('%')].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal([0, 5, 16, 49, 60, 65, 70, 72, 75, 75, 90, 100], percents);
        Assert.Contains("  [ 16%] stacking fold 2/5: fitting the heads on 64 items", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SmallHeldOutAndEqualProfiles_AreWarned()
    {
        var output = new StringWriter();

        TrainCommand.WarnAboutResult(output, 20, new ThresholdProfiles(0.5f, 0.3f, 0.5f));

        Assert.Contains("only 20 held-out item(s); with fewer than 200", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("the highPrecision profile equals balanced (0.500)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnoughHeldOutAndDistinctProfiles_AreNotWarned()
    {
        var output = new StringWriter();

        TrainCommand.WarnAboutResult(output, 2000, new ThresholdProfiles(0.5f, 0.3f, 0.7f));

        Assert.Empty(output.ToString());
    }
}
