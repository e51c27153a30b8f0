using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The scoring engine's consumer: sums each segment's distinct features (every head's weight × idf, and idf²) in
/// one pass and hands the segment to <see cref="Ranges"/>. A value type with fixed-size state, so scoring a text
/// allocates nothing; a live call keeps one between utterances.
/// </summary>
internal struct SegmentScorer : IFeatureConsumer
{
    private readonly LinearHeads _heads;
    private SegmentSet _segment;
    private PendingBuckets _pending;
    private Vector256<float> _sum0, _sum1;
    private int _firstToken, _lastToken;
    private int _start, _end;

    /// <summary>The runs of segments seen so far, and the best of them per head.</summary>
    public RangeTracker Ranges;

    public SegmentScorer(LinearHeads heads)
    {
        _heads = heads;
        _start = int.MaxValue;
        (_firstToken, _lastToken) = (int.MaxValue, -1);
        Ranges = new RangeTracker(heads);
    }

    /// <summary>Added to every character offset: where the next text starts in the caller's whole text.</summary>
    public int Offset { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, int start, int end, int order, int token)
    {
        if (order == 1)
        {
            _firstToken = Math.Min(_firstToken, token);
            _lastToken = Math.Max(_lastToken, token);
            _start = Math.Min(_start, start);
            _end = Math.Max(_end, end);
        }

        if (_segment.Add(index) && _pending.Push(index))
        {
            Flush();
        }
    }

    public void EndSegment()
    {
        Flush();
        if (!_segment.EndIsRepeat())
        {
            Ranges.Add(_sum0 + _sum1, _lastToken - _firstToken + 1, Offset + _start, Offset + _end);
        }

        (_sum0, _sum1, _firstToken, _lastToken, _start, _end) = (default, default, int.MaxValue, -1, int.MaxValue, 0);
    }

    private void Flush()
    {
        var count = _pending.Count;
        if (count == 0)
        {
            return;
        }

        _pending.Clear();
        ref var table = ref _heads.FirstWeight;
        ref var bucket = ref _pending.First;
        Vector256<float> sum0 = _sum0, sum1 = _sum1;
        var i = 0;
        for (; i + 2 <= count; i += 2)
        {
            sum0 += Vector256.LoadUnsafe(ref Unsafe.Add(ref table, Unsafe.Add(ref bucket, i) * LinearHeads.Stride));
            sum1 += Vector256.LoadUnsafe(ref Unsafe.Add(ref table, Unsafe.Add(ref bucket, i + 1) * LinearHeads.Stride));
        }

        if (i < count)
        {
            sum0 += Vector256.LoadUnsafe(ref Unsafe.Add(ref table, Unsafe.Add(ref bucket, i) * LinearHeads.Stride));
        }

        (_sum0, _sum1) = (sum0, sum1);
    }
}
