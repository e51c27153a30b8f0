namespace ScamScriptClassifier.Benchmarks;

/// <summary>The repository's corpus and representative texts of each length.</summary>
internal static class Corpus
{
    private static readonly string TrainingData = FindTrainingData();

    public static IReadOnlyList<LabeledMessage> Items { get; } = LabeledDataSet.Read(TrainingData).Items;

    public static string Sha256 { get; } = LabeledDataSet.ComputeSha256(Items);

    /// <summary>An SMS of about 210 characters.</summary>
    public static string Sms { get; } = Nearest(MessageKind.Sms, 210);

    /// <summary>A call transcript of about 1,760 characters.</summary>
    public static string Transcript { get; } = Nearest(MessageKind.Transcript, 1760);

    /// <summary>About ten minutes of speech-recogniser output (~9,000 characters): the corpus's ASR items run together.</summary>
    public static string TenMinuteAsr { get; } = OfLength(9_000);

    /// <summary>10,000 messages: the corpus's SMS and transcripts, repeated in order.</summary>
    public static string[] TenThousandMessages { get; } =
        [.. Enumerable.Range(0, 10_000).Select(i => Items[i % Items.Count].Text)];

    /// <summary>ASR text of exactly <paramref name="length"/> characters.</summary>
    public static string OfLength(int length)
    {
        var asr = string.Join(' ', Items.Where(i => i.Kind == MessageKind.Asr).Select(i => i.Text));
        var builder = new System.Text.StringBuilder(length + asr.Length);
        while (builder.Length < length)
        {
            builder.Append(asr).Append(' ');
        }

        return builder.ToString(0, length);
    }

    /// <summary>10,000 labelled items: the corpus, then as many again with the texts re-punctuated, as a larger corpus would be.</summary>
    public static IReadOnlyList<LabeledMessage> TenThousandItems()
    {
        var items = new List<LabeledMessage>(Items);
        for (var i = 0; items.Count < 10_000; i++)
        {
            var item = Items[i % Items.Count];
            items.Add(item with { Id = $"{item.Id}-copy{i}", Text = item.Text.Replace(", ", " ").Replace(". ", "! ") + " ." });
        }

        return items;
    }

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
