using System.Runtime.CompilerServices;

namespace ScamScriptClassifier.Features;

/// <summary>
/// The distinct features of the current segment, and the fingerprints of recent segments: the rule, shared by
/// training and scoring, that a feature counts once per segment and a repeated segment not at all. No allocation:
/// fixed tables stamped with the segment number, so nothing is cleared between segments.
/// </summary>
internal struct SegmentSet
{
    // A segment has at most SegmentTokens tokens × 6 n-grams (144) features: the table stays under 60% full.
    private const int Slots = 256;

    private SlotTable _keys;
    private SlotTable _stamps;
    private RecentTable _recent;
    private int _stamp;
    private int _recentCount;
    private ulong _fingerprint;

    /// <summary>Adds a feature to the current segment; true the first time the segment has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int bucket)
    {
        var stamp = _stamp + 1;
        var slot = (int)(((uint)bucket * 0x9E37_79B1u) >> 24);
        while (true)
        {
            if (_stamps[slot] != stamp)
            {
                _stamps[slot] = stamp;
                _keys[slot] = bucket;
                _fingerprint += Mix(bucket);
                return true;
            }

            if (_keys[slot] == bucket)
            {
                return false;
            }

            slot = (slot + 1) & (Slots - 1);
        }
    }

    /// <summary>Closes the current segment; true when it repeats one of the recent segments (or has no features).</summary>
    public bool EndIsRepeat()
    {
        var fingerprint = _fingerprint;
        _fingerprint = 0;
        _stamp++;
        if (fingerprint == 0)
        {
            return true;
        }

        var count = Math.Min(_recentCount, FeatureSpace.RecentSegments);
        for (var i = 0; i < count; i++)
        {
            if (_recent[i] == fingerprint)
            {
                return true;
            }
        }

        _recent[_recentCount++ % FeatureSpace.RecentSegments] = fingerprint;
        return false;
    }

    private static ulong Mix(int bucket)
    {
        var x = ((ulong)bucket + 1) * 0x9E37_79B9_7F4A_7C15UL;
        return x ^ (x >> 29);
    }

    [InlineArray(Slots)]
    private struct SlotTable
    {
        private int _first;
    }

    [InlineArray(FeatureSpace.RecentSegments)]
    private struct RecentTable
    {
        private ulong _first;
    }
}
