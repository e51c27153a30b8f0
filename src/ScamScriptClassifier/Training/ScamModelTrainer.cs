using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ScamScriptClassifier.Features;
using ScamScriptClassifier.Scoring;
using ScamScriptClassifier.Training;

namespace ScamScriptClassifier;

/// <summary>
/// Trains the five calibrated linear heads (scam, then one per <see cref="ScamPattern"/>) with ML.NET on the
/// library's own features. Holds out a family-grouped, label-stratified split for honest metrics and tunes the
/// threshold by cross-validation on the training split only.
/// </summary>
public sealed class ScamModelTrainer
{
    private readonly ScamTrainingOptions _options;

    /// <summary>Creates a trainer; <paramref name="options"/> null means the defaults.</summary>
    public ScamModelTrainer(ScamTrainingOptions? options = null)
    {
        _options = options ?? new ScamTrainingOptions();
        _options.Validate();
    }

    /// <summary>Trains on <paramref name="items"/> and evaluates on the held-out share of them.</summary>
    /// <exception cref="ArgumentException">
    /// Too few items, a text longer than 1,000,000 characters, or no item on the training side with a
    /// label or a pattern that every head needs; checked before any work.
    /// </exception>
    public TrainedScamModel Train(IReadOnlyList<LabeledMessage> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        RequireTrainable(items, MinimumFamilies(_options.HeldOutFraction), $"{nameof(ScamTrainingOptions.HeldOutFraction)} {_options.HeldOutFraction}");
        var heldOut = HeldOutFamilies(items, _options.HeldOutFraction, fold: 0);
        return TrainCore(items, heldOut);
    }

    /// <summary>
    /// The fewest families of each label that leave at least one held out (unless nothing is) and at least two on the
    /// training side, so that the held-out metrics and every cross-validation fold see both labels.
    /// </summary>
    internal static int MinimumFamilies(double heldOutFraction)
    {
        for (var families = 2; ; families++)
        {
            var held = (int)Math.Round(families * heldOutFraction, MidpointRounding.AwayFromZero);
            if ((heldOutFraction == 0 || held >= 1) && families - held >= 2)
            {
                return families;
            }
        }
    }

    /// <summary>The fewest families of each label for <paramref name="folds"/>-fold cross-validation: one held out per fold, two left to train on.</summary>
    internal static int MinimumFamiliesForFolds(int folds)
    {
        for (var families = Math.Max(2, folds); ; families++)
        {
            if (families - (int)Math.Ceiling(families / (double)folds) >= 2)
            {
                return families;
            }
        }
    }

    /// <summary>Refuses, before any work, data too small to split or with a text no classifier would accept.</summary>
    private static void RequireTrainable(IReadOnlyList<LabeledMessage> items, int minimumFamilies, string split)
    {
        var tooLong = items.FirstOrDefault(i => i.Text.Length > LabeledDataSet.MaxTextLength);
        if (tooLong is not null)
        {
            throw new ArgumentException(
                $"Item \"{tooLong.Id}\": text is longer than {LabeledDataSet.MaxTextLength} characters ({tooLong.Text.Length}).", nameof(items));
        }

        var labelOfFamily = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            labelOfFamily.TryAdd(item.FamilyKey, item.IsScam);
        }

        var scamFamilies = labelOfFamily.Count(f => f.Value);
        var legitFamilies = labelOfFamily.Count - scamFamilies;
        if (scamFamilies < minimumFamilies || legitFamilies < minimumFamilies)
        {
            throw new ArgumentException(
                $"Too few items: need at least {minimumFamilies} scam and {minimumFamilies} legit items, each label's in as many different families, so that "
                + $"both the held-out split ({split}) and the training side see both labels; the data has {items.Count(i => i.IsScam)} scam items in "
                + $"{scamFamilies} families and {items.Count(i => !i.IsScam)} legit items in {legitFamilies} families.", nameof(items));
        }
    }

    /// <summary>
    /// K-fold cross-validation of the whole training procedure: each fold of families is held out once while
    /// the rest trains a model (threshold tuning included). Returns one held-out report per fold.
    /// </summary>
    public IReadOnlyList<EvaluationReport> CrossValidate(IReadOnlyList<LabeledMessage> items, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        RequireTrainable(items, MinimumFamiliesForFolds(folds), $"{folds}-fold cross-validation");
        var reports = new List<EvaluationReport>(folds);
        for (var fold = 0; fold < folds; fold++)
        {
            _options.Progress?.Report($"cross-validation fold {fold + 1}/{folds}");
            var heldOut = FoldFamilies(items, folds, fold);
            reports.Add(TrainCore(items, heldOut).HeldOut!);
        }

        return reports;
    }

    /// <summary>
    /// Fits the scam head with each ML.NET trainer on the same training split and the same features, and measures
    /// each on the same held-out split, with the binary metrics read at probability 0.5: SDCA and L-BFGS logistic
    /// regression, and FastTree (boosted trees). The default trainer should be the best of these.
    /// </summary>
    public IReadOnlyDictionary<string, BinaryMetrics> CompareTrainers(IReadOnlyList<LabeledMessage> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var heldOut = HeldOutFamilies(items, Math.Max(_options.HeldOutFraction, 0.2), fold: 0);
        var train = items.Where(i => !heldOut.Contains(i.FamilyKey)).ToList();
        var test = items.Where(i => heldOut.Contains(i.FamilyKey)).ToList();
        var (idf, trainRows) = Featurize(train);
        var testRows = test.Select(i => FeatureRow.From(i, SparseVectorBuilder.Vector(SparseVectorBuilder.Count(i.Text), idf))).ToList();
        var results = new Dictionary<string, BinaryMetrics>(StringComparer.Ordinal);
        foreach (var kind in new[] { "sdca", "lbfgs", "fasttree" })
        {
            Report($"comparing trainers: {kind}");
            var ml = new MLContext(_options.Seed);
            IEstimator<ITransformer> estimator = kind switch
            {
                "fasttree" => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
                {
                    LabelColumnName = FeatureRow.LabelColumns[LinearHeads.Scam],
                    FeatureColumnName = FeatureRow.FeaturesColumn,
                    NumberOfTrees = 200,
                    NumberOfLeaves = 20,
                    MinimumExampleCountPerLeaf = 5,
                    NumberOfThreads = 1,
                }),
                _ => new ScamModelTrainer(new ScamTrainingOptions
                {
                    Seed = _options.Seed,
                    L2Regularization = _options.L2Regularization,
                    Trainer = kind == "sdca" ? ScamTrainerKind.Sdca : ScamTrainerKind.Lbfgs,
                }).CreateTrainer(ml, FeatureRow.LabelColumns[LinearHeads.Scam]),
            };
            var fitted = estimator.Fit(ml.Data.Cache(FeatureRow.Load(ml, trainRows)));
            var probabilities = fitted.Transform(FeatureRow.Load(ml, testRows)).GetColumn<float>("Probability").ToList();
            var pairs = testRows.Select((r, i) => (r.Label, probabilities[i])).ToList();
            results[kind] = ScamEvaluator.Metrics(pairs, 0.5f);
        }

        return results;
    }

    /// <summary>
    /// Trains the <see cref="TfIdfBaseline"/> on <paramref name="items"/> (all of them: pass the split the model was
    /// trained on), choosing its regularisation by cross-validated ROC-AUC over the same family folds that tune the
    /// model's threshold, and its threshold by the same rule.
    /// </summary>
    public TfIdfBaseline TrainBaseline(IReadOnlyList<LabeledMessage> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var train = items.ToList();
        RequireEveryHead(train, train);
        var folds = FoldFamilies(train, _options.ThresholdFolds);
        var ml = new MLContext(_options.Seed);
        (float L2, double RocAuc, List<(bool, float)> Pairs)? best = null;
        foreach (var l2 in TfIdfBaseline.Regularizations)
        {
            var pairs = new List<(bool IsScam, float Probability)>(train.Count);
            for (var fold = 0; fold < _options.ThresholdFolds; fold++)
            {
                Report($"baseline: L2 {l2} ({TfIdfBaseline.SolverFor(l2)}), fold {fold + 1}/{_options.ThresholdFolds}");
                var fit = train.Where(i => folds[i.FamilyKey] != fold).ToList();
                var held = train.Where(i => folds[i.FamilyKey] == fold).ToList();
                if (held.Count == 0 || fit.All(i => i.IsScam) || fit.All(i => !i.IsScam))
                {
                    continue;
                }

                var model = TfIdfBaseline.Pipeline(ml, l2).Fit(TfIdfBaseline.Load(ml, fit));
                var probabilities = TfIdfBaseline.Probabilities(ml, model, [.. held.Select(i => i.Text)]);
                pairs.AddRange(held.Select((i, k) => (i.IsScam, probabilities[k])));
            }

            var rocAuc = ScamEvaluator.Metrics(pairs, 0.5f).RocAuc ?? 0;
            if (best is null || rocAuc > best.Value.RocAuc)
            {
                best = (l2, rocAuc, pairs);
            }
        }

        var chosen = best!.Value;
        var threshold = OperatingPoints.Choose(chosen.Pairs, _options.MaxFalsePositiveRate).Balanced;
        Report($"baseline: L2 {chosen.L2} (cross-validated ROC-AUC {chosen.RocAuc:0.0000}), threshold {threshold:0.000}; fitting on {train.Count} items");
        var final = TfIdfBaseline.Pipeline(ml, chosen.L2).Fit(TfIdfBaseline.Load(ml, train));
        return new TfIdfBaseline(ml, final, threshold, chosen.L2, chosen.RocAuc);
    }

    private TrainedScamModel TrainCore(IReadOnlyList<LabeledMessage> items, HashSet<string> heldOutFamilies)
    {
        var train = items.Where(i => !heldOutFamilies.Contains(i.FamilyKey)).ToList();
        var test = items.Where(i => heldOutFamilies.Contains(i.FamilyKey)).ToList();
        RequireEveryHead(train, items);

        Report($"featurising {items.Count} items ({train.Count} train, {test.Count} held out)");
        var (idf, rows) = Featurize(train);

        var ml = new MLContext(_options.Seed);
        var (aggregator, profiles, patternCalibration) = FitAggregator(ml, train, rows, idf);
        var threshold = profiles.Balanced;
        Report($"threshold {threshold:0.000}, high recall {profiles.HighRecall:0.000}, high precision {profiles.HighPrecision:0.000} (tuned by {_options.ThresholdFolds}-fold cross-validation on the training split)");

        var data = ml.Data.Cache(FeatureRow.Load(ml, rows));
        var model = FitHeads(ml, data);
        var trained = ScamModelFile.ExtractHeads(model, "trained model", idf);
        (double Slope, double Offset)[] calibration = [trained.Calibration[LinearHeads.Scam], .. patternCalibration];
        var manifest = new ScamModelManifest
        {
            FeaturizerFingerprint = FeaturizerIdentity.Current,
            CreatedUtc = DateTimeOffset.UtcNow,
            LibraryVersion = typeof(ScamModelTrainer).Assembly.GetName().Version?.ToString(),
            TrainingDataSha256 = LabeledDataSet.ComputeSha256(items),
            Items = items.Count,
            ScamItems = items.Count(i => i.IsScam),
            TrainItems = train.Count,
            Seed = _options.Seed,
            Trainer = _options.Trainer.ToString().ToLowerInvariant(),
            Threshold = threshold,
            Profiles = profiles,
        };
        var trainedTexts = train.Select(i => ScamModelFile.Fingerprint(i.Text)).Distinct().ToArray();

        EvaluationReport? heldOut = null;
        if (test.Count > 0)
        {
            Report($"evaluating on {test.Count} held-out items");
            var heads = trained.WithCalibration(calibration);
            var provisional = ScamClassifier.FromModel(new LoadedModel(heads, aggregator, manifest, [.. trainedTexts.Order()], model));
            heldOut = ScamEvaluator.Evaluate(provisional, test);
            var o = heldOut.Overall;
            manifest = manifest with
            {
                HeldOut = new ManifestMetrics(o.Items, o.RocAuc ?? double.NaN, o.PrAuc ?? double.NaN, o.Precision, o.Recall, o.F1, o.FalsePositiveRate),
            };
        }

        var file = ScamModelFile.Write(ml, model, data.Schema, idf, aggregator, calibration, manifest, trainedTexts);
        return new TrainedScamModel(file, ScamClassifier.FromModel(ScamModelFile.Load(file, "trained model")), heldOut);
    }

    /// <summary>
    /// Each bucket's inverse document frequency on <paramref name="train"/> (smoothed: ln((1 + n) / (1 + df)) + 1,
    /// and 0 for buckets no item has, so unseen n-grams neither count nor dilute), and every item's vector.
    /// </summary>
    private static (float[] Idf, FeatureRow[] Rows) Featurize(List<LabeledMessage> train)
    {
        var counted = new (int[] Buckets, float[] Counts)[train.Count];
        Parallel.For(0, train.Count, i => counted[i] = SparseVectorBuilder.Count(train[i].Text));
        var documents = new int[FeatureSpace.Dimension];
        foreach (var (buckets, _) in counted)
        {
            foreach (var bucket in buckets)
            {
                documents[bucket]++;
            }
        }

        var idf = new float[FeatureSpace.Dimension];
        for (var bucket = 0; bucket < idf.Length; bucket++)
        {
            idf[bucket] = documents[bucket] == 0 ? 0 : (float)(Math.Log((1.0 + train.Count) / (1.0 + documents[bucket])) + 1);
        }

        var rows = new FeatureRow[train.Count];
        Parallel.For(0, train.Count, i => rows[i] = FeatureRow.From(train[i], SparseVectorBuilder.Vector(counted[i], idf)));
        return (idf, rows);
    }

    /// <summary>
    /// Stacking: the heads are fitted on all folds but one of the training split, and the held-back fold's items,
    /// and texts composed from them, are scored with those heads. The aggregator is fitted on those out-of-fold
    /// signals, and the thresholds are read off its probabilities for the out-of-fold items themselves (not the
    /// composed texts).
    /// </summary>
    private (Aggregator Aggregator, ThresholdProfiles Profiles, (double Slope, double Offset)[] PatternCalibration) FitAggregator(MLContext ml, List<LabeledMessage> train, FeatureRow[] rows, float[] idf)
    {
        var folds = FoldFamilies(train, _options.ThresholdFolds);
        var items = new List<Signal>(train.Count);
        var composed = new List<Signal>(train.Count);
        for (var fold = 0; fold < _options.ThresholdFolds; fold++)
        {
            var fitRows = rows.Where((_, i) => folds[train[i].FamilyKey] != fold).ToList();
            var scoreItems = train.Where(i => folds[i.FamilyKey] == fold).ToList();
            if (scoreItems.Count == 0 || fitRows.All(r => r.Label) || fitRows.All(r => !r.Label))
            {
                continue;
            }

            Report($"stacking fold {fold + 1}/{_options.ThresholdFolds}: fitting the heads on {fitRows.Count} items");
            var heads = ScamModelFile.ExtractHeads(FitHeads(ml, ml.Data.Cache(FeatureRow.Load(ml, fitRows)), quiet: true), "fold model", idf);
            var extra = TextComposer.Compose(scoreItems, _options.Seed + fold);
            var signals = new float[scoreItems.Count + extra.Count][];
            Parallel.For(0, signals.Length, i => signals[i] = Signals(heads, i < scoreItems.Count ? scoreItems[i].Text : extra[i - scoreItems.Count].Text));
            for (var i = 0; i < signals.Length; i++)
            {
                if (i < scoreItems.Count)
                {
                    items.Add(new Signal(scoreItems[i].IsScam, signals[i], fold, scoreItems[i].Patterns));
                }
                else
                {
                    composed.Add(new Signal(extra[i - scoreItems.Count].IsScam, signals[i], fold, []));
                }
            }
        }

        // Trees or logistic: each is fitted without the first fold's signals and judged by log loss on them.
        var examples = items.Concat(composed).ToList();
        var fit = examples.Where(e => e.Fold != 0).ToList();
        var judge = examples.Where(e => e.Fold == 0).ToList();
        var candidates = new (string Name, Func<List<Signal>, Aggregator> Fit)[] { ("FastTree", s => FitTrees(ml, s)), ("logistic", s => FitLogistic(ml, s)) };
        var chosen = candidates[0];
        var bestLoss = double.PositiveInfinity;
        if (fit.Any(e => e.IsScam) && fit.Any(e => !e.IsScam) && judge.Count > 0)
        {
            foreach (var candidate in candidates)
            {
                var trial = candidate.Fit(fit);
                var loss = judge.Average(e => LogLoss(e.IsScam, trial.Probability(e.Values)));
                Report($"aggregator {candidate.Name}: log loss {loss:0.0000} on held-back out-of-fold signals");
                if (loss < bestLoss)
                {
                    (chosen, bestLoss) = (candidate, loss);
                }
            }
        }

        Report($"fitting the {chosen.Name} aggregator on {items.Count} out-of-fold items and {composed.Count} composed texts");
        var aggregator = chosen.Fit(examples);
        var pairs = items.Select(i => (i.IsScam, aggregator.Probability(i.Values))).ToList();
        var patternCalibration = PatternTable.All
            .Select(p => PlattOf(items.Select(i => (i.Values[1 + p.Head], i.Patterns.Contains(p.Pattern))).ToList()))
            .ToArray();
        return (aggregator, OperatingPoints.Choose(pairs, _options.MaxFalsePositiveRate), patternCalibration);
    }

    private static double LogLoss(bool isScam, float probability) => -Math.Log(Math.Clamp(isScam ? probability : 1 - probability, 1e-7, 1));

    /// <summary>
    /// Platt scaling of a pattern head on out-of-fold (margin, label) pairs, by Newton's method on the log loss (with a
    /// little L2 on the slope): the slope and offset of 1 / (1 + exp(slope · margin + offset)).
    /// </summary>
    private static (double Slope, double Offset) PlattOf(List<(float Margin, bool Label)> pairs)
    {
        const double Ridge = 1e-3;
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = Ridge * a, gb = 0, haa = Ridge, hab = 0, hbb = 1e-9;
            foreach (var (margin, label) in pairs)
            {
                var p = 1 / (1 + Math.Exp(-((a * margin) + b)));
                var residual = p - (label ? 1 : 0);
                var weight = p * (1 - p);
                ga += residual * margin;
                gb += residual;
                haa += weight * margin * margin;
                hab += weight * margin;
                hbb += weight;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (determinant <= 0)
            {
                break;
            }

            var (da, db) = (((hbb * ga) - (hab * gb)) / determinant, ((haa * gb) - (hab * ga)) / determinant);
            (a, b) = (a - da, b - db);
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (-a, -b);
    }

    private sealed record Signal(bool IsScam, float[] Values, int Fold, IReadOnlyList<ScamPattern> Patterns);

    private static float[] Signals(LinearHeads heads, string text)
    {
        var ranges = NGramFeaturizer<SegmentScorer>.Run(text, new SegmentScorer(heads)).Ranges;
        var signals = new float[Aggregator.FeatureCount];
        Aggregator.Features(ranges, signals);
        return signals;
    }

    private static IDataView AggregatorData(MLContext ml, List<Signal> examples) =>
        ml.Data.LoadFromEnumerable(examples.Select(e => new AggregatorRow { Label = e.IsScam, Signals = e.Values }));

    private static Aggregator FitLogistic(MLContext ml, List<Signal> examples)
    {
        var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(AggregatorRow.Label),
            FeatureColumnName = nameof(AggregatorRow.Signals),
            L2Regularization = 1e-3f,
            NumberOfThreads = 1,
        }).Fit(AggregatorData(ml, examples));
        var linear = fitted.Model.SubModel;
        var calibrator = fitted.Model.Calibrator;

        // Fold ML.NET's Platt step, 1 / (1 + exp(slope · score + offset)), into one logistic over the signals.
        var weights = linear.Weights.Select(w => (float)(-calibrator.Slope * w)).ToArray();
        var bias = (float)(-((calibrator.Slope * linear.Bias) + calibrator.Offset));
        return new Aggregator(weights, bias, []);
    }

    private static Aggregator FitTrees(MLContext ml, List<Signal> examples)
    {
        var fitted = ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(AggregatorRow.Label),
            FeatureColumnName = nameof(AggregatorRow.Signals),
            NumberOfTrees = 100,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
        }).Fit(AggregatorData(ml, examples));
        var ensemble = fitted.Model.SubModel.TrainedTreeEnsemble;
        var slope = fitted.Model.Calibrator.Slope;
        var trees = new Aggregator.Tree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            var scale = -slope * ensemble.TreeWeights[t];
            trees[t] = new Aggregator.Tree(
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues.Select(v => (float)(scale * v))]);
        }

        var bias = (float)(-((slope * ensemble.Bias) + fitted.Model.Calibrator.Offset));
        return new Aggregator(new float[Aggregator.FeatureCount], bias, trees);
    }

    private sealed class AggregatorRow
    {
        public bool Label { get; set; }

        [VectorType(Aggregator.FeatureCount)]
        public float[] Signals { get; set; } = [];
    }

    private void Report(string message) => _options.Progress?.Report(message);

    /// <summary>Every head needs positives and negatives on the training side; <paramref name="items"/> is every item given, held out or not.</summary>
    private void RequireEveryHead(List<LabeledMessage> train, IReadOnlyList<LabeledMessage> items)
    {
        if (!train.Any(i => i.IsScam) || train.All(i => i.IsScam))
        {
            throw new ArgumentException("Training needs both scam and legit items.");
        }

        foreach (var pattern in ScamPatterns.All)
        {
            if (train.Any(i => i.Patterns.Contains(pattern)))
            {
                continue;
            }

            var given = items.Count(i => i.Patterns.Contains(pattern));
            throw new ArgumentException(given == 0
                ? $"Training needs at least one item with the category \"{pattern.ToWireName()}\" to fit its head."
                : $"Training needs at least one item with the category \"{pattern.ToWireName()}\" on the training side to fit its head: the data has {given}, "
                    + $"all in families held out for evaluation ({nameof(ScamTrainingOptions.HeldOutFraction)} {_options.HeldOutFraction}). "
                    + "Add items with that category in other families, or hold nothing out.");
        }
    }

    private TransformerChain<ITransformer> FitHeads(MLContext ml, IDataView data, bool quiet = false)
    {
        var transformers = new List<ITransformer>(2 * LinearHeads.Count);
        for (var head = 0; head < LinearHeads.Count; head++)
        {
            if (!quiet)
            {
                Report($"fitting head {FeatureRow.LabelColumns[head]}");
            }

            var fitted = CreateTrainer(ml, FeatureRow.LabelColumns[head]).Fit(data);
            var copy = ml.Transforms.CopyColumns(FeatureRow.ProbabilityColumns[head], "Probability").Fit(fitted.Transform(data));
            transformers.Add(fitted);
            transformers.Add(copy);
        }

        return new TransformerChain<ITransformer>([.. transformers]);
    }

    private IEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>> CreateTrainer(MLContext ml, string labelColumn) =>
        _options.Trainer switch
        {
            ScamTrainerKind.Lbfgs => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = labelColumn,
                FeatureColumnName = FeatureRow.FeaturesColumn,
                L2Regularization = _options.L2Regularization,
                NumberOfThreads = 1,
            }),
            _ => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = labelColumn,
                FeatureColumnName = FeatureRow.FeaturesColumn,
                L2Regularization = _options.L2Regularization,
                L1Regularization = 0,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 60,
            }),
        };

    /// <summary>
    /// Out-of-fold probabilities of the scam head on the training split give the thresholds: the one that maximises
    /// F1 within <see cref="ScamTrainingOptions.MaxFalsePositiveRate"/> (ties go to the one nearest 0.5; if none is
    /// within it, the one with the lowest rate), and the high-recall and high-precision operating points.
    /// </summary>
    private ThresholdProfiles TuneThresholds(MLContext ml, List<LabeledMessage> train, FeatureRow[] rows)
    {
        var folds = FoldFamilies(train, _options.ThresholdFolds);
        var pairs = new List<(bool IsScam, float Probability)>(train.Count);
        for (var fold = 0; fold < _options.ThresholdFolds; fold++)
        {
            var fitRows = rows.Where((_, i) => folds[train[i].FamilyKey] != fold).ToList();
            var scoreRows = rows.Where((_, i) => folds[train[i].FamilyKey] == fold).ToList();
            if (scoreRows.Count == 0 || fitRows.All(r => r.Label) || fitRows.All(r => !r.Label))
            {
                continue;
            }

            var fitted = CreateTrainer(ml, FeatureRow.LabelColumns[LinearHeads.Scam]).Fit(ml.Data.Cache(FeatureRow.Load(ml, fitRows)));
            var probabilities = fitted.Transform(FeatureRow.Load(ml, scoreRows)).GetColumn<float>("Probability").ToList();
            for (var i = 0; i < scoreRows.Count; i++)
            {
                pairs.Add((scoreRows[i].Label, probabilities[i]));
            }
        }

        return OperatingPoints.Choose(pairs, _options.MaxFalsePositiveRate);
    }

    /// <summary>Families held out: the first <paramref name="fraction"/> of each label's families in seeded hash order.</summary>
    private HashSet<string> HeldOutFamilies(IReadOnlyList<LabeledMessage> items, double fraction, int fold)
    {
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        if (fraction <= 0)
        {
            return heldOut;
        }

        foreach (var families in FamiliesByLabel(items))
        {
            var take = (int)Math.Round(families.Count * fraction, MidpointRounding.AwayFromZero);
            heldOut.UnionWith(families.Skip(fold * take).Take(take));
        }

        return heldOut;
    }

    private HashSet<string> FoldFamilies(IReadOnlyList<LabeledMessage> items, int folds, int fold) =>
        FoldFamilies(items, folds).Where(f => f.Value == fold).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each family's fold: families of each label in seeded hash order, dealt round-robin, so folds are stratified.</summary>
    private Dictionary<string, int> FoldFamilies(IReadOnlyList<LabeledMessage> items, int folds)
    {
        var assignment = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var families in FamiliesByLabel(items))
        {
            for (var i = 0; i < families.Count; i++)
            {
                assignment[families[i]] = i % folds;
            }
        }

        return assignment;
    }

    private List<List<string>> FamiliesByLabel(IReadOnlyList<LabeledMessage> items)
    {
        var labelOfFamily = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            labelOfFamily.TryAdd(item.FamilyKey, item.IsScam);
        }

        return [.. labelOfFamily.GroupBy(f => f.Value).OrderBy(g => g.Key)
            .Select(g => g.Select(f => f.Key).OrderBy(SplitKey).ThenBy(f => f, StringComparer.Ordinal).ToList())];
    }

    private ulong SplitKey(string family)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{_options.Seed}:{family}"), digest);
        return BitConverter.ToUInt64(digest);
    }
}
