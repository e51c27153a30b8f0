using System.Runtime.CompilerServices;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// Buckets waiting to be summed. Hashing a batch first and then reading its weights lets the processor have many
/// cache misses in flight at once, instead of one per feature.
/// </summary>
[InlineArray(Capacity)]
internal struct BucketBuffer
{
    public const int Capacity = 128;

    private int _first;
}
