namespace ScamScriptClassifier.Features;

/// <summary>
/// The shape of the features shared by training and scoring. A text is cut into segments: its sentences and lines,
/// and stretches of at most <see cref="SegmentTokens"/> tokens within them (speech-recogniser text has no
/// punctuation). Within a segment a feature counts once, weighted by its inverse document frequency; a segment
/// identical to a recent one adds nothing. Any run of consecutive segments is a vector of those weights over
/// the features' segment counts, L2-normalised, so its dot product with a head's weights is one pass over the
/// segments' sums.
/// </summary>
internal static class FeatureSpace
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    public const int Mask = Dimension - 1;

    /// <summary>The longest segment, in tokens: a sentence or line longer than this is cut.</summary>
    public const int SegmentTokens = 24;

    /// <summary>
    /// The normaliser never falls below the square root of this: a text with little content (a greeting, "vâng",
    /// "alo") keeps its features' weights small instead of being blown up to a full-length text's, so it carries
    /// little evidence either way. About the idf² mass of a few syllables.
    /// </summary>
    public const float MinNormSquared = 1000;

    /// <summary>A segment repeating one of this many previous segments (same feature set) is skipped.</summary>
    public const int RecentSegments = 64;
}
