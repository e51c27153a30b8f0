using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The calibrated linear heads (the scam head, then one per row of <see cref="PatternTable"/>), copied out of the
/// ML.NET model into one flat table with the features' inverse document frequencies. A bucket's entry is eight
/// floats, one 32-byte load: each head's weight × the bucket's idf in lanes 0 to <see cref="Count"/> − 1, idf² (its
/// share of the normaliser) in lane <see cref="NormLane"/>; so up to seven heads fit one load.
/// </summary>
internal sealed class LinearHeads
{
    public const int Count = PatternTable.Count + 1;
    public const int Scam = 0;
    public const int NormLane = Count;
    public const int Stride = 8;

    private readonly float[] _table;
    private readonly double[] _slope;
    private readonly double[] _offset;
    private readonly double[] _calibratedSlope;
    private readonly double[] _calibratedOffset;

    /// <param name="weights">Each head's weights, by bucket.</param>
    /// <param name="bias">Each head's bias.</param>
    /// <param name="slope">Each head's Platt slope as ML.NET fitted it on the training rows.</param>
    /// <param name="offset">Each head's Platt offset as ML.NET fitted it.</param>
    /// <param name="idf">Each bucket's inverse document frequency.</param>
    /// <param name="calibration">
    /// Each head's Platt slope and offset refitted on out-of-fold margins (honest where ML.NET's, fitted on the rows
    /// the head was trained on, is over-confident); null to keep ML.NET's.
    /// </param>
    public LinearHeads(float[][] weights, float[] bias, double[] slope, double[] offset, float[] idf, (double Slope, double Offset)[]? calibration = null)
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
        _calibratedSlope = calibration?.Select(c => c.Slope).ToArray() ?? slope;
        _calibratedOffset = calibration?.Select(c => c.Offset).ToArray() ?? offset;
        Idf = idf;
    }

    private LinearHeads(LinearHeads heads, (double Slope, double Offset)[] calibration)
    {
        (_table, Bias, _slope, _offset, Idf) = (heads._table, heads.Bias, heads._slope, heads._offset, heads.Idf);
        _calibratedSlope = [.. calibration.Select(c => c.Slope)];
        _calibratedOffset = [.. calibration.Select(c => c.Offset)];
    }

    /// <summary>The same heads (the table is shared, not rebuilt) with another out-of-fold calibration.</summary>
    public LinearHeads WithCalibration((double Slope, double Offset)[] calibration) => new(this, calibration);

    /// <summary>Each head's bias, one per lane (lanes past <see cref="Count"/> are zero).</summary>
    public Vector256<float> Bias { get; }

    /// <summary>Each bucket's inverse document frequency on the training split (0 for buckets it never saw).</summary>
    public float[] Idf { get; }

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

    /// <summary>A head's calibrated probability: 1 / (1 + exp(slope · margin + offset)), with the out-of-fold calibration.</summary>
    public float Probability(int head, float margin) =>
        (float)(1.0 / (1.0 + Math.Exp((_calibratedSlope[head] * margin) + _calibratedOffset[head])));

    /// <summary>The probability ML.NET's own model gives for a head's margin (its in-sample Platt step).</summary>
    public float TrainedProbability(int head, float margin) =>
        (float)(1.0 / (1.0 + Math.Exp((_slope[head] * margin) + _offset[head])));

    /// <summary>The out-of-fold calibration of every head, as given to the constructor (ML.NET's where none was).</summary>
    public (double Slope, double Offset)[] Calibration => [.. _calibratedSlope.Zip(_calibratedOffset)];
}
