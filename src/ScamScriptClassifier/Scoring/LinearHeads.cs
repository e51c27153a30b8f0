using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The five calibrated linear heads (the scam head, then one per <see cref="ScamPattern"/>), copied out of the
/// ML.NET model into one flat table with the features' inverse document frequencies. A bucket's entry is eight
/// floats, one 32-byte load: each head's weight × the bucket's idf in lanes 0–4, idf² (its share of the
/// normaliser) in lane <see cref="NormLane"/>.
/// </summary>
internal sealed class LinearHeads
{
    public const int Count = 5;
    public const int Scam = 0;
    public const int NormLane = 5;
    public const int Stride = 8;

    private readonly float[] _table;
    private readonly double[] _slope;
    private readonly double[] _offset;

    public LinearHeads(float[][] weights, float[] bias, double[] slope, double[] offset, float[] idf)
    {
        _table = new float[FeatureSpace.Dimension * Stride];
        for (var bucket = 0; bucket < FeatureSpace.Dimension; bucket++)
        {
            var weight = idf[bucket];
            for (var head = 0; head < Count; head++)
            {
                _table[(bucket * Stride) + head] = weights[head][bucket] * weight;
            }

            _table[(bucket * Stride) + NormLane] = weight * weight;
        }

        var lanes = new float[Stride];
        bias.CopyTo(lanes, 0);
        Bias = Vector256.Create(lanes);
        _slope = slope;
        _offset = offset;
        Idf = idf;
    }

    /// <summary>Each head's bias, one per lane (lanes past <see cref="Count"/> are zero).</summary>
    public Vector256<float> Bias { get; }

    /// <summary>Each bucket's inverse document frequency on the training split (0 for buckets it never saw).</summary>
    public float[] Idf { get; }

    public static int HeadOf(ScamPattern pattern) => (int)pattern + 1;

    /// <summary>The first entry of the table: bucket b's entry starts <see cref="Stride"/> × b after it.</summary>
    public ref float FirstWeight => ref MemoryMarshal.GetArrayDataReference(_table);

    /// <summary>A bucket's entry: weight × idf per head, idf² in <see cref="NormLane"/>.</summary>
    public Vector256<float> Weights(int bucket) => Vector256.Create(_table, bucket * Stride);

    /// <summary>Every head's margin for a run of segments whose entries sum to <paramref name="sums"/>: bias + dot / max(‖x‖, the floor).</summary>
    public Vector256<float> Margins(Vector256<float> sums)
    {
        var norm = Math.Max(sums.GetElement(NormLane), FeatureSpace.MinNormSquared);
        return Bias + (sums * (1f / MathF.Sqrt(norm)));
    }

    /// <summary>ML.NET's Platt calibration of a head: 1 / (1 + exp(slope · margin + offset)).</summary>
    public float Probability(int head, float margin) =>
        (float)(1.0 / (1.0 + Math.Exp((_slope[head] * margin) + _offset[head])));
}
