using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ScamScriptClassifier;

/// <summary>
/// The yardstick every model change is measured against: the pipeline a practitioner tries first. ML.NET's own text
/// featuriser (lower case, diacritics kept, word 1–2-grams and character 1–5-grams, TF-IDF, L2-normalised) and
/// L-BFGS logistic regression, with the regularisation chosen by cross-validation on the same family-grouped folds
/// and the threshold chosen by the same rule as the default model's. Never used for scoring in production; built by
/// <see cref="ScamModelTrainer.TrainBaseline"/> and compared by <c>scamscript evaluate --baseline</c>.
/// </summary>
public sealed class TfIdfBaseline
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    internal TfIdfBaseline(MLContext ml, ITransformer model, float threshold, float l2Regularization, double crossValidatedRocAuc)
    {
        _ml = ml;
        _model = model;
        Threshold = threshold;
        L2Regularization = l2Regularization;
        CrossValidatedRocAuc = crossValidatedRocAuc;
    }

    /// <summary>The probability at which a text counts as a scam: best out-of-fold F1 within the false-positive cap.</summary>
    public float Threshold { get; }

    /// <summary>The L2 regularisation that cross-validation chose.</summary>
    public float L2Regularization { get; }

    /// <summary>The out-of-fold ROC-AUC at that regularisation.</summary>
    public double CrossValidatedRocAuc { get; }

    /// <summary>The scam probability of each text, in order.</summary>
    public IReadOnlyList<float> ScoreProbabilities(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Probabilities(_ml, _model, texts);
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext ml, float l2Regularization) =>
        ml.Transforms.Text.FeaturizeText(nameof(BaselineRow.Features), new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 5, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(BaselineRow.Text))

        // L-BFGS reads the data once per iteration: featurise once, not every time.
        .AppendCacheCheckpoint(ml)
        .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(BaselineRow.Label),
            FeatureColumnName = nameof(BaselineRow.Features),
            L2Regularization = l2Regularization,
            NumberOfThreads = 1,

            // scikit-learn's default for L-BFGS: without a cap, weak regularisation over a few hundred thousand
            // n-grams takes many minutes a fit.
            MaximumNumberOfIterations = 100,
        }));

    internal static IDataView Load(MLContext ml, IEnumerable<LabeledMessage> items) =>
        ml.Data.LoadFromEnumerable(items.Select(i => new BaselineRow { Text = i.Text, Label = i.IsScam }));

    internal static float[] Probabilities(MLContext ml, ITransformer model, IReadOnlyList<string> texts)
    {
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new BaselineRow { Text = t }));
        return [.. model.Transform(data).GetColumn<float>("Probability")];
    }

    private sealed class BaselineRow
    {
        public string Text { get; set; } = string.Empty;

        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
