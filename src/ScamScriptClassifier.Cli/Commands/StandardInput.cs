namespace ScamScriptClassifier.Cli.Commands;

/// <summary>Whether the process was started with its standard input closed (<c>scamscript score &lt;&amp;-</c>).</summary>
internal static class StandardInput
{
    /// <summary>
    /// True when there is no standard input to read. A closed descriptor 0 is taken by the first file the runtime opens
    /// (on Linux, a pipe whose write end the runtime itself holds), so reading "stdin" would wait forever: on Linux the
    /// descriptor is recognised as one of the process's own pipes. Elsewhere, false.
    /// </summary>
    public static bool IsClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            const string descriptors = "/proc/self/fd";
            if (!Directory.Exists(descriptors))
            {
                return false;
            }

            var stdin = Target(Path.Combine(descriptors, "0"));
            if (stdin is null)
            {
                return true;
            }

            if (!stdin.StartsWith("pipe:", StringComparison.Ordinal) && !stdin.StartsWith("anon_inode:", StringComparison.Ordinal))
            {
                return false;
            }

            // The same pipe also open for writing in this process: nobody else will ever write to it.
            foreach (var descriptor in Directory.EnumerateFileSystemEntries(descriptors))
            {
                var name = Path.GetFileName(descriptor);
                if (name == "0" || Target(descriptor) != stdin)
                {
                    continue;
                }

                var info = File.ReadLines($"/proc/self/fdinfo/{name}").FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
                if (info is not null && (Convert.ToInt32(info["flags:".Length..].Trim(), 8) & 3) == 1)
                {
                    return true;
                }
            }

            return stdin.StartsWith("anon_inode:", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    private static string? Target(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
