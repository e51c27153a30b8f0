namespace ScamScriptClassifier.Benchmarks;

/// <summary>The repository's corpus and representative texts of each length.</summary>
internal static class Corpus
{
    public static IReadOnlyList<LabeledMessage> Items { get; } = LabeledDataSet.Read(FindTrainingData()).Items;

    /// <summary>An SMS of about 210 characters.</summary>
    public static string Sms { get; } = Nearest(MessageKind.Sms, 210);

    /// <summary>A call transcript of about 1,760 characters.</summary>
    public static string Transcript { get; } = Nearest(MessageKind.Transcript, 1760);

    /// <summary>About ten minutes of speech-recogniser output (~9,000 characters): ASR items joined.</summary>
    public static string TenMinuteAsr { get; } = string.Join(' ', Items.Where(i => i.Kind == MessageKind.Asr).Select(i => i.Text)).Substring(0, 9000);

    private static string Nearest(MessageKind kind, int length) =>
        Items.Where(i => i.Kind == kind).MinBy(i => Math.Abs(i.Text.Length - length))!.Text;

    private static string FindTrainingData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "training-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository: training-data/ was not found.");
    }
}
