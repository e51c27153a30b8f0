using Microsoft.ML;
using Microsoft.ML.Data;
using ScamScriptClassifier.Scoring;
using ScamScriptClassifier.Tests.Support;
using ScamScriptClassifier.Training;

namespace ScamScriptClassifier.Tests.Scoring;

/// <summary>The ML.NET model is the source of truth: the fast path must give its probabilities.</summary>
[Collection(TrainedModelCollection.Name)]
public class FastPathParityTests(TrainedModelFixture fixture)
{
    [Fact]
    public void FastPath_OnHeldOutItems_EqualsMLNetPipelineForEveryHead()
    {
        var items = fixture.HeldOutItems.Where(i => i.Text.Length <= ScamClassifier.MaxUnwindowedLength).ToList();
        using var file = new MemoryStream();
        fixture.Model.Save(file);
        var model = ScamModelFile.Load(file.ToArray(), "parity");
        var ml = new MLContext();
        var transformed = model.MLModel!.Transform(FeatureRow.Load(ml, items.Select(FeatureRow.From)));

        for (var head = 0; head < FeatureRow.ProbabilityColumns.Length; head++)
        {
            var expected = transformed.GetColumn<float>(FeatureRow.ProbabilityColumns[head]).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var assessment = fixture.Classifier.Score(items[i].Text);
                var actual = head == 0 ? assessment.Probability : assessment.Patterns[(ScamPattern)(head - 1)];
                Assert.True(Math.Abs(expected[i] - actual) <= 1e-5, $"head {head}, item {items[i].Id}: ML.NET {expected[i]}, fast path {actual}");
            }
        }

        Assert.True(items.Count > 100);
    }
}
