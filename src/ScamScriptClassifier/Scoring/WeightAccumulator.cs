using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// Adds up every head's weights over a text's feature occurrences: the whole linear model in one pass. Occurrence
/// k goes to partial sum k mod 4 (the buffer holds a multiple of 4), and the partials are added as (0 + 1) + (2 + 3),
/// exactly as in <see cref="ScamHeadAccumulator"/>, so both give the scam head bit for bit the same sum.
/// </summary>
internal struct WeightAccumulator : IFeatureConsumer
{
    private readonly LinearHeads _heads;
    private PendingBuckets _pending;
    private Vector256<float> _sum0, _sum1, _sum2, _sum3;

    public WeightAccumulator(LinearHeads heads) => _heads = heads;

    public int Occurrences { get; private set; }

    /// <summary>Every head's weight sum, one per lane.</summary>
    public Vector256<float> Sums
    {
        get
        {
            Flush();
            return (_sum0 + _sum1) + (_sum2 + _sum3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, int start, int end, int order)
    {
        if (_pending.Push(index))
        {
            Flush();
        }
    }

    public float Probability(int head) => _heads.Probability(head, Sums.GetElement(head), Occurrences);

    private void Flush()
    {
        var count = _pending.Count;
        if (count == 0)
        {
            return;
        }

        // Only the last flush is partial, so every flush starts on partial sum 0.
        Occurrences += count;
        _pending.Clear();
        ref var weights = ref _heads.FirstWeight;
        ref var bucket = ref _pending.First;
        Vector256<float> sum0 = _sum0, sum1 = _sum1, sum2 = _sum2, sum3 = _sum3;
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            sum0 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i) * LinearHeads.Stride));
            sum1 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 1) * LinearHeads.Stride));
            sum2 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 2) * LinearHeads.Stride));
            sum3 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 3) * LinearHeads.Stride));
        }

        if (i < count)
        {
            sum0 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i) * LinearHeads.Stride));
        }

        if (i + 1 < count)
        {
            sum1 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 1) * LinearHeads.Stride));
        }

        if (i + 2 < count)
        {
            sum2 += Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 2) * LinearHeads.Stride));
        }

        (_sum0, _sum1, _sum2, _sum3) = (sum0, sum1, sum2, sum3);
    }
}

/// <summary>
/// The scam head alone, from its own dense weight table (1 MiB instead of 8): what
/// <see cref="ScamClassifier.ScoreProbability"/> needs, at a fraction of the memory traffic.
/// </summary>
internal struct ScamHeadAccumulator : IFeatureConsumer
{
    private readonly LinearHeads _heads;
    private PendingBuckets _pending;
    private float _sum0, _sum1, _sum2, _sum3;

    public ScamHeadAccumulator(LinearHeads heads) => _heads = heads;

    public int Occurrences { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, int start, int end, int order)
    {
        if (_pending.Push(index))
        {
            Flush();
        }
    }

    public float Probability()
    {
        Flush();
        return _heads.Probability(LinearHeads.Scam, (_sum0 + _sum1) + (_sum2 + _sum3), Occurrences);
    }

    private void Flush()
    {
        var count = _pending.Count;
        if (count == 0)
        {
            return;
        }

        Occurrences += count;
        _pending.Clear();

        // Locals, not fields: the partial sums stay in registers for the whole batch.
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_heads.ScamWeights);
        ref var bucket = ref _pending.First;
        float sum0 = _sum0, sum1 = _sum1, sum2 = _sum2, sum3 = _sum3;
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            sum0 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i));
            sum1 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 1));
            sum2 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 2));
            sum3 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 3));
        }

        if (i < count)
        {
            sum0 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i));
        }

        if (i + 1 < count)
        {
            sum1 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 1));
        }

        if (i + 2 < count)
        {
            sum2 += Unsafe.Add(ref weights, Unsafe.Add(ref bucket, i + 2));
        }

        (_sum0, _sum1, _sum2, _sum3) = (sum0, sum1, sum2, sum3);
    }
}
