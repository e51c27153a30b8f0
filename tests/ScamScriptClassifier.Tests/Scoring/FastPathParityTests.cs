using Microsoft.ML;
using Microsoft.ML.Data;
using System.Runtime.Intrinsics;
using ScamScriptClassifier.Features;
using ScamScriptClassifier.Scoring;
using ScamScriptClassifier.Tests.Support;
using ScamScriptClassifier.Training;

namespace ScamScriptClassifier.Tests.Scoring;

/// <summary>The ML.NET heads are the source of truth: the engine's whole-text margins must give their probabilities.</summary>
[Collection(TrainedModelCollection.Name)]
public class FastPathParityTests(TrainedModelFixture fixture)
{
    [Fact]
    public void WholeTextMargins_OnHeldOutItems_EqualTheMLNetHeadsForEveryHead()
    {
        var items = fixture.HeldOutItems;
        using var file = new MemoryStream();
        fixture.Model.Save(file);
        var model = ScamModelFile.Load(file.ToArray(), "parity");
        var idf = model.Heads.Idf;
        var ml = new MLContext();
        var rows = items.Select(i => FeatureRow.From(i, SparseVectorBuilder.Vector(SparseVectorBuilder.Count(i.Text), idf)));
        var transformed = model.MLModel!.Transform(FeatureRow.Load(ml, rows));

        for (var head = 0; head < FeatureRow.ProbabilityColumns.Length; head++)
        {
            var expected = transformed.GetColumn<float>(FeatureRow.ProbabilityColumns[head]).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var ranges = NGramFeaturizer<SegmentScorer>.Run(items[i].Text, new SegmentScorer(model.Heads)).Ranges;
                var actual = model.Heads.TrainedProbability(head, ranges.WholeMargins.GetElement(head));
                Assert.True(Math.Abs(expected[i] - actual) <= 1e-5, $"head {head}, item {items[i].Id}: ML.NET {expected[i]}, fast path {actual}");
            }
        }

        Assert.True(items.Count > 100);
    }
}
