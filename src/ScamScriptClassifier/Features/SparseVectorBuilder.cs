using Microsoft.ML.Data;

namespace ScamScriptClassifier.Features;

/// <summary>Gathers a text's feature occurrences into the sparse vector ML.NET trains on.</summary>
internal struct SparseVectorBuilder : IFeatureConsumer
{
    private List<int>? _buckets;

    public void Add(int index, int start, int end, int order) => (_buckets ??= []).Add(index);

    public static VBuffer<float> Build(string text)
    {
        var buckets = NGramFeaturizer<SparseVectorBuilder>.Run(text, default)._buckets;
        if (buckets is null)
        {
            return new VBuffer<float>(FeatureSpace.Dimension, 0, [], []);
        }

        var value = FeatureSpace.OccurrenceValue(buckets.Count);
        buckets.Sort();
        var indices = new List<int>(buckets.Count);
        var values = new List<float>(buckets.Count);
        foreach (var bucket in buckets)
        {
            if (indices.Count > 0 && indices[^1] == bucket)
            {
                values[^1] += value;
            }
            else
            {
                indices.Add(bucket);
                values.Add(value);
            }
        }

        return new VBuffer<float>(FeatureSpace.Dimension, indices.Count, values.ToArray(), indices.ToArray());
    }
}
