using Microsoft.ML;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>
/// The recipe an ML.NET tutorial gives: FeaturizeText, then SDCA logistic regression, called through a
/// PredictionEngine. Trained on the same corpus; the baseline every scoring benchmark is measured against.
/// </summary>
internal sealed class StockRecipe
{
    private readonly PredictionEngine<Input, Output> _engine;

    public StockRecipe(IReadOnlyList<LabeledMessage> items)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(items.Select(i => new Input { Text = i.Text, Label = i.IsScam }));
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(Input.Text))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(pipeline.Fit(data));
    }

    public float Score(string text) => _engine.Predict(new Input { Text = text }).Probability;

    public sealed class Input
    {
        public string Text { get; set; } = string.Empty;

        public bool Label { get; set; }
    }

    public sealed class Output
    {
        public float Probability { get; set; }
    }
}
