using ScamScriptClassifier.Scoring;

namespace ScamScriptClassifier.Tests.Scoring;

/// <summary>The flattened trees the scorer walks give exactly what the trees as trained give.</summary>
public class AggregatorTests
{
    [Fact]
    public void Probability_FlattenedTrees_EqualTheTreesOneByOne()
    {
        var aggregator = ScamClassifier.LoadDefault().Aggregator;
        var random = new Random(7);
        var features = new float[Aggregator.FeatureCount];

        Assert.NotEmpty(aggregator.Trees);
        for (var trial = 0; trial < 500; trial++)
        {
            for (var i = 0; i < features.Length; i++)
            {
                features[i] = (float)((random.NextDouble() * 40) - 20);
            }

            var score = aggregator.Bias;
            for (var i = 0; i < features.Length; i++)
            {
                score += aggregator.Weights[i] * features[i];
            }

            foreach (var tree in aggregator.Trees)
            {
                score += tree.Evaluate(features);
            }

            Assert.Equal(1f / (1f + MathF.Exp(-score)), aggregator.Probability(features), 6);
        }
    }
}
