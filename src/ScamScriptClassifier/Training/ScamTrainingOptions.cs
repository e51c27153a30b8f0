namespace ScamScriptClassifier;

/// <summary>The ML.NET trainer used for every head.</summary>
public enum ScamTrainerKind
{
    /// <summary>SDCA logistic regression, Platt-calibrated (the default).</summary>
    Sdca,

    /// <summary>L-BFGS logistic regression.</summary>
    Lbfgs,
}

/// <summary>Settings for <see cref="ScamModelTrainer"/>.</summary>
public sealed class ScamTrainingOptions
{
    /// <summary>Seeds the split and ML.NET: the same data and seed give the same model. The default value is 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The trainer. The default value is <see cref="ScamTrainerKind.Sdca"/>.</summary>
    public ScamTrainerKind Trainer { get; set; } = ScamTrainerKind.Sdca;

    /// <summary>
    /// Share of families held out for the manifest's metrics, stratified by label; 0 fits on everything.
    /// The default value is 0.2.
    /// </summary>
    public double HeldOutFraction { get; set; } = 0.2;

    /// <summary>Folds of the cross-validation on the training split that tunes the threshold. The default value is 5.</summary>
    public int ThresholdFolds { get; set; } = 5;

    /// <summary>
    /// The highest out-of-fold false-positive rate the default threshold may have: among the thresholds within it, the
    /// one with the best F1 is chosen. A false alarm on a warning or a friend's retelling costs trust, so F1 alone
    /// does not decide. The default value is 0.02; 1 lets F1 alone decide.
    /// </summary>
    public double MaxFalsePositiveRate { get; set; } = 0.02;

    /// <summary>L2 regularisation of each head. The default value is 1e-6 (swept on the training split's folds).</summary>
    public float L2Regularization { get; set; } = 1e-6f;

    /// <summary>Receives one line per training step; null for silence. The default value is null.</summary>
    public IProgress<string>? Progress { get; set; }

    internal void Validate()
    {
        if (HeldOutFraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HeldOutFraction), HeldOutFraction, "Must be in [0, 1).");
        }

        if (ThresholdFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(ThresholdFolds), ThresholdFolds, "Must be at least 2.");
        }

        if (MaxFalsePositiveRate is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFalsePositiveRate), MaxFalsePositiveRate, "Must be in (0, 1].");
        }

        if (L2Regularization <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L2Regularization), L2Regularization, "Must be positive.");
        }
    }
}
