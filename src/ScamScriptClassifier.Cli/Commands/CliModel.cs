namespace ScamScriptClassifier.Cli.Commands;

/// <summary>Opens the model a verb was given, or the embedded default.</summary>
internal static class CliModel
{
    public static ScamClassifier Open(string? path) =>
        string.IsNullOrEmpty(path) ? ScamClassifier.LoadDefault() : ScamClassifier.Load(path);

    /// <summary>Runs a verb, turning the errors a user can cause into one line on stderr and exit code 2.</summary>
    public static int Run(Func<int> verb)
    {
        try
        {
            return verb();
        }
        catch (Exception ex) when (ex is ScamModelException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"scamscript: {ex.Message}");
            return ExitCodes.UsageOrData;
        }
    }
}
