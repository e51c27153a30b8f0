using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// The learned step from local evidence to the text's calibrated scam probability, over a few dense signals of the
/// scored runs: best and whole-text margins per head, how many patterns carry evidence and how strongly the second
/// and third do (the script is a conjunction: an authority claim with a threat and a demand), how long the text is,
/// how much of it is suspicious. Either boosted trees (FastTree) or a logistic model, whichever did better on
/// out-of-fold data when it was trained; both end in a logistic link, so the output is a probability.
/// </summary>
internal sealed class Aggregator
{
    public const int FeatureCount = 13;
    private const float MarginLimit = 30f;

    private readonly float[] _weights;
    private readonly float _bias;
    private readonly Tree[] _trees;

    // The trees again, flattened for scoring: every internal node of every tree in one array (a child ≥ 0 is a node
    // of that array, a negative child ~i is leaf i of the leaf array), and each tree's root.
    private readonly FlatNode[] _nodes;
    private readonly float[] _leaves;
    private readonly int[] _roots;

    /// <param name="weights">Logistic weights, one per signal (all zero for a tree aggregator).</param>
    /// <param name="bias">Added to the score.</param>
    /// <param name="trees">Regression trees whose leaf values add to the score (none for a logistic aggregator).</param>
    public Aggregator(float[] weights, float bias, Tree[] trees)
    {
        if (weights.Length != FeatureCount)
        {
            throw new ArgumentException($"The aggregator takes {FeatureCount} weights, not {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        _bias = bias;
        _trees = trees;

        var nodes = new List<FlatNode>();
        var leaves = new List<float>();
        _roots = new int[trees.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            var (nodeBase, leafBase) = (nodes.Count, leaves.Count);
            int Global(int child) => child >= 0 ? child + nodeBase : ~(~child + leafBase);
            var tree = trees[t];
            for (var n = 0; n < tree.Feature.Length; n++)
            {
                nodes.Add(new FlatNode(tree.Feature[n], tree.Threshold[n], Global(tree.Left[n]), Global(tree.Right[n])));
            }

            leaves.AddRange(tree.Leaf);
            _roots[t] = tree.Feature.Length == 0 ? ~leafBase : nodeBase;
        }

        _nodes = [.. nodes];
        _leaves = [.. leaves];
    }

    public ReadOnlySpan<float> Weights => _weights;

    public float Bias => _bias;

    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The signals of a scored text, in the order the weights expect.</summary>
    public static void Features(in RangeTracker ranges, Span<float> features)
    {
        var whole = ranges.WholeMargins;
        var best = ranges.IsLong ? ranges.BestMargins : whole;
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

        // The second and third strongest patterns: an authority claim alone is no scam; with a threat or a demand it is.
        Span<float> sorted = stackalloc float[LinearHeads.Count - 1];
        features.Slice(2, LinearHeads.Count - 1).CopyTo(sorted);
        sorted.Sort();
        features[11] = sorted[^2];
        features[12] = sorted[^3];
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

        ref var node0 = ref MemoryMarshal.GetArrayDataReference(_nodes);
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                ref readonly var split = ref Unsafe.Add(ref node0, node);
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }

            score += _leaves[~node];
        }

        return 1f / (1f + MathF.Exp(-score));
    }

    private readonly record struct FlatNode(int Feature, float Threshold, int Left, int Right);

    private static float Clip(float margin) => Math.Clamp(margin, -MarginLimit, MarginLimit);

    /// <summary>
    /// One regression tree as FastTree stores it: node n sends a signal at most its threshold to the left child, else
    /// to the right; a negative child c is leaf ~c, whose value (already multiplied by the tree's weight and the
    /// logistic link's slope) is the tree's output.
    /// </summary>
    internal sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaf)
    {
        public float Evaluate(ReadOnlySpan<float> features)
        {
            if (Feature.Length == 0)
            {
                return Leaf[0];
            }

            var node = 0;
            while (node >= 0)
            {
                node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return Leaf[~node];
        }
    }
}
