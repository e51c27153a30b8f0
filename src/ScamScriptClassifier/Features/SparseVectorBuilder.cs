using Microsoft.ML.Data;

namespace ScamScriptClassifier.Features;

/// <summary>
/// A text's features for training: how many of its (non-repeated) segments hold each bucket. With the buckets'
/// inverse document frequencies this becomes the vector ML.NET trains on, equal to what the scorer computes for
/// the whole text.
/// </summary>
internal struct SparseVectorBuilder : IFeatureConsumer
{
    private SegmentSet _segment;
    private List<int>? _pending;
    private List<int>? _buckets;

    public void Add(int index, int start, int end, int order, int token)
    {
        if (_segment.Add(index))
        {
            (_pending ??= []).Add(index);
        }
    }

    public void EndSegment()
    {
        if (!_segment.EndIsRepeat() && _pending is not null)
        {
            (_buckets ??= []).AddRange(_pending);
        }

        _pending?.Clear();
    }

    /// <summary>Each bucket of <paramref name="text"/> with the number of its segments that hold it, by bucket.</summary>
    public static (int[] Buckets, float[] Counts) Count(string text)
    {
        var buckets = NGramFeaturizer<SparseVectorBuilder>.Run(text, default)._buckets;
        if (buckets is null)
        {
            return ([], []);
        }

        buckets.Sort();
        var indices = new List<int>(buckets.Count);
        var counts = new List<float>(buckets.Count);
        foreach (var bucket in buckets)
        {
            if (indices.Count > 0 && indices[^1] == bucket)
            {
                counts[^1] += 1;
            }
            else
            {
                indices.Add(bucket);
                counts.Add(1);
            }
        }

        return (indices.ToArray(), counts.ToArray());
    }

    /// <summary>The L2-normalised vector of segment counts × <paramref name="idf"/>; buckets with weight 0 are left out.</summary>
    public static VBuffer<float> Vector((int[] Buckets, float[] Counts) counted, float[] idf)
    {
        var (buckets, counts) = counted;
        double norm = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            norm += counts[i] * idf[buckets[i]] * idf[buckets[i]];
        }

        var indices = new List<int>(buckets.Length);
        var values = new List<float>(buckets.Length);
        var scale = 1 / Math.Sqrt(Math.Max(norm, FeatureSpace.MinNormSquared));
        for (var i = 0; i < buckets.Length; i++)
        {
            var weight = idf[buckets[i]];
            if (weight > 0)
            {
                indices.Add(buckets[i]);
                values.Add((float)(counts[i] * weight * scale));
            }
        }

        return new VBuffer<float>(FeatureSpace.Dimension, indices.Count, values.ToArray(), indices.ToArray());
    }
}
