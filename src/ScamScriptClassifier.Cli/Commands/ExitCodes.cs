namespace ScamScriptClassifier.Cli.Commands;

/// <summary>The process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary><c>score</c>: some lines could not be scored (each has an error record); <c>report</c>: the text is not flagged.</summary>
    public const int SomeFailed = 1;

    /// <summary>Bad usage, or a model, data, input or output file that cannot be used; nothing (more) was done.</summary>
    public const int UsageOrData = 2;

    /// <summary><c>report</c>: the text is flagged, but it names no phone number and no <c>--caller</c> was given.</summary>
    public const int NoNumber = 3;

    /// <summary>An unexpected error: a bug, reported with its stack trace (70, EX_SOFTWARE in sysexits.h).</summary>
    public const int InternalError = 70;
}
