using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// Buckets waiting to be summed. Hashing a batch first and then reading its weights lets the processor have many
/// cache misses in flight at once, instead of one per feature. A segment's features (at most 144) fit.
/// </summary>
[InlineArray(Capacity)]
internal struct BucketBuffer
{
    public const int Capacity = 160;

    private int _first;
}

/// <summary>A <see cref="BucketBuffer"/> and how full it is.</summary>
internal struct PendingBuckets
{
    private BucketBuffer _buckets;

    public int Count { get; private set; }

    /// <summary>Adds a bucket; true when the buffer is now full and must be summed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Push(int bucket)
    {
        _buckets[Count++] = bucket;
        return Count == BucketBuffer.Capacity;
    }

    /// <summary>The first pending bucket; the rest follow it.</summary>
    [UnscopedRef]
    public ref int First => ref _buckets[0];

    public void Clear() => Count = 0;
}
