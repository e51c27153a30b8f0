namespace ScamScriptClassifier.Features;

/// <summary>
/// The shape of the feature vector shared by training and scoring. Each occurrence of a feature adds
/// 1/√N to its bucket, where N is the number of occurrences in the text: a length-normalised bag of
/// n-grams whose dot product with a weight vector can be accumulated in one pass.
/// </summary>
internal static class FeatureSpace
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    public const int Mask = Dimension - 1;

    /// <summary>The value each occurrence contributes when a text has <paramref name="occurrences"/> feature occurrences.</summary>
    public static float OccurrenceValue(int occurrences) => occurrences == 0 ? 0f : 1f / MathF.Sqrt(occurrences);
}
