using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>Adds up every head's weights over a text's feature occurrences: the whole linear model in one pass.</summary>
internal struct WeightAccumulator : IFeatureConsumer
{
    private readonly LinearHeads _heads;
    private Vector256<float> _sums;

    public WeightAccumulator(LinearHeads heads) => _heads = heads;

    public int Occurrences { get; private set; }

    /// <summary>Every head's weight sum, one per lane.</summary>
    public readonly Vector256<float> Sums => _sums;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, int start, int end, int order)
    {
        _sums += Vector256.LoadUnsafe(ref _heads.WeightsOf(index));
        Occurrences++;
    }

    public readonly float Sum(int head) => _sums.GetElement(head);

    public readonly float Probability(int head) =>
        _heads.Probability(head, _heads.RawScore(head, Sum(head), Occurrences));
}
