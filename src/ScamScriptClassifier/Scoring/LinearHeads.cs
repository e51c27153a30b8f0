using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The five calibrated linear models (the scam head, then one per <see cref="ScamPattern"/>), copied out of the
/// ML.NET model into flat arrays. A bucket's five weights sit side by side, so one feature costs one cache line.
/// </summary>
internal sealed class LinearHeads
{
    public const int Count = 5;
    public const int Scam = 0;

    /// <summary>Weights padded to eight per bucket: a bucket's weights fill one 32-byte block.</summary>
    public const int Stride = 8;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly double[] _slope;
    private readonly double[] _offset;

    public LinearHeads(float[][] weights, float[] bias, double[] slope, double[] offset)
    {
        _weights = new float[FeatureSpace.Dimension * Stride];
        for (var head = 0; head < Count; head++)
        {
            var source = weights[head];
            for (var i = 0; i < source.Length; i++)
            {
                _weights[(i * Stride) + head] = source[i];
            }
        }

        ScamWeights = weights[Scam];
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>The scam head's weights on their own, dense, for the hot path.</summary>
    public float[] ScamWeights { get; }

    public static int HeadOf(ScamPattern pattern) => (int)pattern + 1;

    /// <summary>The first weight of the interleaved table: bucket b's heads start <see cref="Stride"/> × b after it.</summary>
    public ref float FirstWeight => ref MemoryMarshal.GetArrayDataReference(_weights);

    /// <summary>Every head's weight for a bucket, one per lane (lanes past <see cref="Count"/> are zero).</summary>
    public Vector256<float> Weights(int bucket) => Vector256.Create(_weights, bucket * Stride);

    /// <summary>The raw linear score for a head, given the sum of its weights over all occurrences.</summary>
    public float RawScore(int head, float weightSum, int occurrences) =>
        _bias[head] + (weightSum * FeatureSpace.OccurrenceValue(occurrences));

    /// <summary>A head's calibrated probability from its weight sum over <paramref name="occurrences"/> feature occurrences.</summary>
    public float Probability(int head, float weightSum, int occurrences) => Probability(head, RawScore(head, weightSum, occurrences));

    /// <summary>ML.NET's Platt calibration: 1 / (1 + exp(slope · score + offset)).</summary>
    public float Probability(int head, float rawScore) =>
        (float)(1.0 / (1.0 + Math.Exp((_slope[head] * rawScore) + _offset[head])));
}
