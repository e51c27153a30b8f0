using System.Runtime.Intrinsics;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The learned step from local evidence to the text's calibrated scam probability: a logistic model over a few
/// dense signals of the scored runs (best and whole-text margins per head, how many patterns carry evidence, how
/// long the text is, how much of it is suspicious). Trained on out-of-fold scores and composed long texts, so it
/// learns how much a best run means in a text of a given length.
/// </summary>
internal sealed class Aggregator
{
    public const int FeatureCount = 11;
    private const float MarginLimit = 30f;

    private readonly float[] _weights;
    private readonly float _bias;

    public Aggregator(float[] weights, float bias)
    {
        if (weights.Length != FeatureCount)
        {
            throw new ArgumentException($"The aggregator takes {FeatureCount} weights, not {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        _bias = bias;
    }

    public ReadOnlySpan<float> Weights => _weights;

    public float Bias => _bias;

    /// <summary>The signals of a scored text, in the order the weights expect.</summary>
    public static void Features(in RangeTracker ranges, Span<float> features)
    {
        var best = ranges.BestMargins;
        var whole = ranges.WholeMargins;
        features[0] = Clip(best.GetElement(LinearHeads.Scam));
        features[1] = Clip(whole.GetElement(LinearHeads.Scam));
        var patterns = 0;
        for (var head = 1; head < LinearHeads.Count; head++)
        {
            var margin = Clip(best.GetElement(head));
            features[1 + head] = margin;
            patterns += margin > 0 ? 1 : 0;
        }

        features[6] = patterns;
        features[7] = MathF.Log(1 + ranges.Tokens);
        features[8] = MathF.Log(1 + ranges.Segments);
        features[9] = ranges.Ranges == 0 ? 0 : ranges.PositiveRanges / (float)ranges.Ranges;
        features[10] = ranges.BestScamTokens / (float)RangeTracker.RangeTokens;
    }

    public float Probability(in RangeTracker ranges)
    {
        Span<float> features = stackalloc float[FeatureCount];
        Features(ranges, features);
        return Probability(features);
    }

    public float Probability(ReadOnlySpan<float> features)
    {
        var score = _bias;
        for (var i = 0; i < FeatureCount; i++)
        {
            score += _weights[i] * features[i];
        }

        return 1f / (1f + MathF.Exp(-score));
    }

    private static float Clip(float margin) => Math.Clamp(margin, -MarginLimit, MarginLimit);
}
