namespace ScamScriptClassifier.Features;

/// <summary>Receives each hashed feature occurrence. Implemented by structs: the scorer, the training vector builder, the evidence collector.</summary>
internal interface IFeatureConsumer
{
    /// <param name="index">The feature's bucket in [0, dimension).</param>
    /// <param name="start">Start of the text the feature came from, in the caller's original text.</param>
    /// <param name="end">End (exclusive) of that text.</param>
    /// <param name="order">n: the feature is a syllable n-gram (1–3).</param>
    /// <param name="token">
    /// The index, from 0 in the featurised text, of the feature's last token: an n-gram covers tokens
    /// <paramref name="token"/> − n + 1 to <paramref name="token"/>. Every view's features of one token carry the same index.
    /// </param>
    void Add(int index, int start, int end, int order, int token);

    /// <summary>The current segment (see <see cref="FeatureSpace"/>) is complete; it may have had no features.</summary>
    void EndSegment();
}
