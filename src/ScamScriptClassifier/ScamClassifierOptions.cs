namespace ScamScriptClassifier;

/// <summary>Named operating points; each model records the threshold of each, tuned on its training split.</summary>
public enum ScamThresholdProfile
{
    /// <summary>The threshold that maximised F1 (the model's own threshold).</summary>
    Balanced,

    /// <summary>A lower threshold that caught at least 99% of scams in cross-validation, at the cost of more false alarms.</summary>
    HighRecall,

    /// <summary>A higher threshold that kept precision at or above 99% in cross-validation, at the cost of missed scams.</summary>
    HighPrecision,
}

/// <summary>How <see cref="ScamClassifier.Create"/> and <c>AddScamScriptClassifier</c> set up a classifier.</summary>
public sealed class ScamClassifierOptions
{
    /// <summary>The configuration section <c>AddScamScriptClassifier(IConfiguration)</c> reads by convention.</summary>
    public const string SectionName = "ScamScriptClassifier";

    /// <summary>
    /// A model file written by training; null or empty for the model embedded in the package. Load only models you
    /// trained or received from a trusted source. The default value is null.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The probability at which a text counts as a scam, in (0, 1); null to use <see cref="Profile"/>.
    /// The default value is null.
    /// </summary>
    public float? Threshold { get; set; }

    /// <summary>The operating point when <see cref="Threshold"/> is null. The default value is <see cref="ScamThresholdProfile.Balanced"/>.</summary>
    public ScamThresholdProfile Profile { get; set; } = ScamThresholdProfile.Balanced;

    /// <summary>
    /// The longest text accepted, in characters; a longer one is refused with an <see cref="ArgumentException"/>
    /// rather than scored. Any length within it is scored whole, in time linear in its length. The default value is
    /// 1,000,000 (about 30 hours of speech).
    /// </summary>
    public int MaxInputLength { get; set; } = 1_000_000;

    /// <summary>
    /// The share of scams expected in the traffic scored, in (0, 1); null for no correction. The model learns from a
    /// corpus in which about a third of the items are scams (the manifest records the share); real traffic holds far
    /// fewer. Set this and every probability is corrected for the difference in prior odds, so it estimates the chance
    /// that a text from <i>your</i> traffic is a scam. The threshold moves with it, so the same texts are flagged: choose
    /// <see cref="Profile"/> or <see cref="Threshold"/> to change that. An explicit <see cref="Threshold"/> applies to the
    /// corrected probability. The default value is null.
    /// </summary>
    public double? ExpectedScamRate { get; set; }

    /// <summary>
    /// Whether each scored text and each call utterance is logged, at Debug level only, with its verdict and
    /// probability (for diagnosing a deployment). Message text is personal data: when false, no log message carries
    /// it at any level. The default value is false.
    /// </summary>
    public bool LogMessageText { get; set; }

    /// <summary>Every problem with these options, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Threshold is { } threshold && !(threshold is > 0f and < 1f))
        {
            problems.Add($"{nameof(Threshold)} must be between 0 and 1 (exclusive), not {threshold}.");
        }

        if (!Enum.IsDefined(Profile))
        {
            problems.Add($"{nameof(Profile)} must be Balanced, HighRecall or HighPrecision, not {Profile}.");
        }

        if (ExpectedScamRate is { } rate && !(rate is > 0 and < 1))
        {
            problems.Add($"{nameof(ExpectedScamRate)} must be between 0 and 1 (exclusive), not {rate}.");
        }

        if (MaxInputLength < 1)
        {
            problems.Add($"{nameof(MaxInputLength)} must be positive, not {MaxInputLength}.");
        }

        if (!string.IsNullOrEmpty(ModelPath) && !File.Exists(ModelPath))
        {
            problems.Add($"{nameof(ModelPath)} \"{ModelPath}\" does not exist.");
        }

        return problems;
    }
}
