namespace ScamScriptClassifier;

/// <summary>Held-out quality figures recorded in a model's manifest.</summary>
/// <param name="Items">Items in the held-out split.</param>
/// <param name="RocAuc">Area under the ROC curve.</param>
/// <param name="PrAuc">Area under the precision-recall curve (average precision).</param>
/// <param name="Precision">Scam precision at the threshold.</param>
/// <param name="Recall">Scam recall at the threshold.</param>
/// <param name="F1">Scam F1 at the threshold.</param>
/// <param name="FalsePositiveRate">Share of legit items flagged at the threshold.</param>
public sealed record ManifestMetrics(int Items, double RocAuc, double PrAuc, double Precision, double Recall, double F1, double FalsePositiveRate);

/// <summary>The thresholds of the named operating points, tuned by cross-validation on the training split.</summary>
/// <param name="Balanced">Maximum F1.</param>
/// <param name="HighRecall">The highest threshold whose out-of-fold recall was at least 99%.</param>
/// <param name="HighPrecision">The lowest threshold whose out-of-fold precision was at least 99%.</param>
public sealed record ThresholdProfiles(float Balanced, float HighRecall, float HighPrecision)
{
    /// <summary>
    /// Out-of-fold false-positive rate at <see cref="Balanced"/> on the training split: × 10,000 gives the false alarms
    /// to expect per 10,000 legitimate messages like the corpus's. Null in models that predate it.
    /// </summary>
    public double? BalancedFalsePositiveRate { get; init; }

    /// <summary>Out-of-fold false-positive rate at <see cref="HighRecall"/>.</summary>
    public double? HighRecallFalsePositiveRate { get; init; }

    /// <summary>Out-of-fold false-positive rate at <see cref="HighPrecision"/>.</summary>
    public double? HighPrecisionFalsePositiveRate { get; init; }

    /// <summary>The threshold of <paramref name="profile"/>.</summary>
    public float For(ScamThresholdProfile profile) => profile switch
    {
        ScamThresholdProfile.HighRecall => HighRecall,
        ScamThresholdProfile.HighPrecision => HighPrecision,
        _ => Balanced,
    };
}

/// <summary>What a model file says about itself: format, provenance, threshold and held-out quality.</summary>
public sealed record ScamModelManifest
{
    /// <summary>
    /// The model file format this library writes and reads. A property, not a constant: callers read the value of the
    /// library they run with, not the one they were compiled against.
    /// </summary>
    public static int CurrentFormatVersion { get; } = 2;

    /// <summary>
    /// The feature schema this library computes; a model trained on another cannot be scored. A property, not a
    /// constant, for the same reason as <see cref="CurrentFormatVersion"/>.
    /// </summary>
    public static string CurrentFeatureSchema { get; } = "vi-segments-idf/v6/18";

    /// <summary>Model file format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The featuriser (tokeniser, n-gram families, hash space) the model was trained on.</summary>
    public string FeatureSchema { get; init; } = CurrentFeatureSchema;

    /// <summary>
    /// Lower-case hex SHA-256 of what the featuriser that trained the model emits for a fixed probe text. A model whose
    /// fingerprint differs from the running library's (or that has none) is refused on load: its features would be shifted.
    /// </summary>
    public string? FeaturizerFingerprint { get; init; }

    /// <summary>When training finished, in UTC.</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The library version that trained the model.</summary>
    public string? LibraryVersion { get; init; }

    /// <summary><see cref="LabeledDataSet.ComputeSha256"/> of every item given to training (both splits).</summary>
    public required string TrainingDataSha256 { get; init; }

    /// <summary>Items given to training.</summary>
    public int Items { get; init; }

    /// <summary>Scam items given to training.</summary>
    public int ScamItems { get; init; }

    /// <summary>Items the model was fitted on (the rest were held out).</summary>
    public int TrainItems { get; init; }

    /// <summary>The random seed.</summary>
    public int Seed { get; init; }

    /// <summary>The ML.NET trainer of the scam head (<c>sdca</c> or <c>lbfgs</c>).</summary>
    public required string Trainer { get; init; }

    /// <summary>The probability at which <see cref="ScamAssessment.IsScam"/> becomes true, tuned by cross-validation on the training split.</summary>
    public float Threshold { get; init; }

    /// <summary>The thresholds of the named profiles; null in models that predate them (every profile then uses <see cref="Threshold"/>).</summary>
    public ThresholdProfiles? Profiles { get; init; }

    /// <summary>Metrics on the held-out split, which the model never saw; null when nothing was held out.</summary>
    public ManifestMetrics? HeldOut { get; init; }

    /// <summary>SHA-256 of every entry of the model file but the manifest (names and contents, in name order); checked on load before ML.NET reads the file.</summary>
    public string? PayloadSha256 { get; init; }
}
