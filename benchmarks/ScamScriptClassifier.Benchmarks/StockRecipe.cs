using Microsoft.ML;

namespace ScamScriptClassifier.Benchmarks;

/// <summary>
/// The recipe an ML.NET tutorial gives: FeaturizeText, then SDCA logistic regression, called through a
/// PredictionEngine. Trained on the same corpus; the baseline every benchmark is measured against. The trained
/// model is cached in the temp folder, because BenchmarkDotNet runs every case in a new process.
/// </summary>
internal sealed class StockRecipe
{
    private readonly PredictionEngine<Input, Output> _engine;

    private StockRecipe(MLContext ml, ITransformer model) =>
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(model);

    public static string ModelPath { get; } = Path.Combine(Path.GetTempPath(), $"scamscript-stock-{Corpus.Sha256[..16]}.zip");

    public static StockRecipe Load()
    {
        var ml = new MLContext(seed: 1);
        if (!File.Exists(ModelPath))
        {
            var model = Train(ml, Corpus.Items);
            var temporary = ModelPath + $".{Environment.ProcessId}.tmp";
            ml.Model.Save(model, null, temporary);
            File.Move(temporary, ModelPath, overwrite: true);
        }

        return new StockRecipe(ml, ml.Model.Load(ModelPath, out _));
    }

    public static ITransformer Train(MLContext ml, IEnumerable<LabeledMessage> items)
    {
        var data = ml.Data.LoadFromEnumerable(items.Select(i => new Input { Text = i.Text, Label = i.IsScam }));
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(Input.Text))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        return pipeline.Fit(data);
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
