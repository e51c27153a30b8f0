namespace ScamScriptClassifier.Cli.Commands;

/// <summary>Reads a data file or directory and reports every bad row with its file and line.</summary>
internal static class DataOptions
{
    /// <returns>The data set, or null when it has bad rows and <paramref name="skipInvalid"/> is false.</returns>
    public static LabeledDataSet? Read(string path, bool skipInvalid)
    {
        var data = LabeledDataSet.Read(path);
        if (data.Problems.Count == 0)
        {
            return data;
        }

        foreach (var problem in data.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        if (!skipInvalid)
        {
            Console.Error.WriteLine($"scamscript: {data.Problems.Count} invalid row(s) in {path}; fix them, or pass --skip-invalid to leave them out.");
            return null;
        }

        Console.Error.WriteLine($"scamscript: skipped {data.Problems.Count} invalid row(s), listed above; using {data.Items.Count} items.");
        return data;
    }

    public static IProgress<string>? TerminalProgress() =>
        Console.IsErrorRedirected ? null : new Progress<string>(message => Console.Error.WriteLine($"  … {message}"));
}
