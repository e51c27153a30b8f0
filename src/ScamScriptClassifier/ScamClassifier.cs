using System.Runtime.Intrinsics;
using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScamScriptClassifier.Features;
using ScamScriptClassifier.Scoring;

namespace ScamScriptClassifier;

/// <summary>
/// Scores Vietnamese messages and call transcripts with a trained model. Immutable after loading: one instance
/// serves any number of threads.
/// </summary>
/// <remarks>
/// A model file is deserialised by ML.NET: load only models you trained yourself or received from a trusted
/// source. Its sizes are bounded (256 MB on disk, 64 MB per entry, 512 MB in all, 64 KB of manifest) and its entries
/// checked against the SHA-256 in its manifest before ML.NET reads them, which catches damage, not malice; every
/// problem surfaces as a <see cref="ScamModelException"/>.
/// </remarks>
public sealed class ScamClassifier : IScamClassifier
{
    private const float SuspiciousShareOfThreshold = 0.75f;
    private const int EvidencePerPattern = 3;

    private static readonly Lazy<LoadedModel> DefaultModel = new(LoadEmbedded);
    private static readonly Lazy<ScamClassifier> Default = new(() => new ScamClassifier(DefaultModel.Value, new ScamClassifierOptions(), NullLogger.Instance));

    private readonly LinearHeads _heads;
    private readonly Aggregator _aggregator;
    private readonly ulong[] _trainedTexts;
    private readonly int _maxInputLength;
    private readonly ILogger _logger;
    private readonly bool _logMessageText;
    private readonly float _priorShift;

    private ScamClassifier(LoadedModel model, ScamClassifierOptions options, ILogger logger)
    {
        _heads = model.Heads;
        _aggregator = model.Aggregator;
        _trainedTexts = model.TrainedTexts;
        _maxInputLength = options.MaxInputLength;
        _logger = logger;
        _logMessageText = options.LogMessageText;
        Manifest = model.Manifest;
        if (options.ExpectedScamRate is { } rate && model.Manifest.Items > 0 && model.Manifest.ScamItems > 0 && model.Manifest.ScamItems < model.Manifest.Items)
        {
            var corpusRate = model.Manifest.ScamItems / (double)model.Manifest.Items;
            _priorShift = (float)(Math.Log(rate / (1 - rate)) - Math.Log(corpusRate / (1 - corpusRate)));
        }

        Threshold = options.Threshold
            ?? Adjust(model.Manifest.Profiles?.For(options.Profile) ?? model.Manifest.Threshold);
    }

    /// <summary>What the model file says about itself: provenance, threshold, held-out metrics.</summary>
    public ScamModelManifest Manifest { get; }

    /// <summary>The probability at which a text counts as a scam: the model's tuned threshold unless the options chose another.</summary>
    public float Threshold { get; }

    internal LinearHeads Heads => _heads;

    internal Aggregator Aggregator => _aggregator;

    internal ILogger Logger => _logger;

    /// <summary>Whether message text may be logged (at Debug level only): <see cref="ScamClassifierOptions.LogMessageText"/>.</summary>
    internal bool LogsMessageText => _logMessageText;

    /// <summary>The model embedded in this package, trained on the project's own corpus. Loaded once and shared.</summary>
    public static ScamClassifier LoadDefault() => Default.Value;

    /// <summary>Loads a model file written by <see cref="ScamModelTrainer"/> or <c>scamscript train</c>. Load only trusted files.</summary>
    /// <exception cref="ScamModelException">The file is missing, damaged, or of another format or feature schema.</exception>
    public static ScamClassifier Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ScamClassifier(ScamModelFile.Load(path), new ScamClassifierOptions(), NullLogger.Instance);
    }

    /// <summary>A classifier set up by <paramref name="options"/>: which model, which threshold, which input limit.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="ScamModelException">The model file cannot be used.</exception>
    public static ScamClassifier Create(ScamClassifierOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(ScamClassifierOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        var logger = loggerFactory?.CreateLogger<ScamClassifier>() ?? (ILogger)NullLogger.Instance;
        var model = string.IsNullOrEmpty(options.ModelPath) ? DefaultModel.Value : ScamModelFile.Load(options.ModelPath);
        var classifier = new ScamClassifier(model, options, logger);
        Log.ModelLoaded(logger, string.IsNullOrEmpty(options.ModelPath) ? "embedded default model" : options.ModelPath,
            model.Manifest.TrainingDataSha256, classifier.Threshold);
        return classifier;
    }

    internal static ScamClassifier FromModel(LoadedModel model) => new(model, new ScamClassifierOptions(), NullLogger.Instance);

    /// <summary>Starts a live call: append each utterance as it is recognised and read the running assessment.</summary>
    public ScamCallSession StartCall() => new(this);

    /// <inheritdoc />
    IScamCallSession IScamClassifier.StartCall() => StartCall();

    /// <inheritdoc />
    public IReadOnlyList<ScamBatchResult> ScoreBatch(IReadOnlyList<string?> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new ScamBatchResult[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                results[i] = new ScamBatchResult(i, Score(texts[i]!), null);
            }
            catch (ArgumentException ex)
            {
                Log.BatchItemFailed(_logger, i, ex.Message);
                results[i] = new ScamBatchResult(i, null, ex.Message);
            }
        });
        return results;
    }

    /// <inheritdoc />
    public float ScoreProbability(ReadOnlySpan<char> text)
    {
        RequireWithinLimit(text.Length);
        var featurizer = new NGramFeaturizer<SegmentScorer>(new SegmentScorer(_heads));
        featurizer.Featurize(text);
        return Adjust(_aggregator.Probability(featurizer.Consumer.Ranges));
    }

    /// <inheritdoc />
    public ScamAssessment Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireWithinLimit(text.Length);
        var started = Stopwatch.GetTimestamp();
        var featurizer = new NGramFeaturizer<SegmentScorer>(new SegmentScorer(_heads));
        featurizer.Featurize(text);
        ref readonly var ranges = ref featurizer.Consumer.Ranges;
        var (probability, patternProbabilities) = Assess(ranges);

        var isScam = probability >= Threshold;
        var verdict = VerdictOf(probability, HasWords(text));
        var evidence = CollectEvidence(text, ranges, patternProbabilities, isScam);
        ScamScriptMetrics.RecordScore(verdict, Stopwatch.GetElapsedTime(started));
        if (_logMessageText)
        {
            Log.ScoredText(_logger, verdict, probability, text);
        }

        return new ScamAssessment(probability, isScam, verdict, patternProbabilities, evidence);
    }

    /// <summary>The text's (or call's) probability and each pattern's, from its scored runs.</summary>
    internal (float Probability, Dictionary<ScamPattern, float> Patterns) Assess(in RangeTracker ranges)
    {
        var best = ranges.BestMargins;
        var patterns = new Dictionary<ScamPattern, float>(PatternTable.All.Count);
        foreach (var row in PatternTable.All)
        {
            patterns[row.Pattern] = _heads.Probability(row.Head, best.GetElement(row.Head));
        }

        return (Adjust(_aggregator.Probability(ranges)), patterns);
    }

    /// <summary>The probability corrected from the corpus's prior odds to <see cref="ScamClassifierOptions.ExpectedScamRate"/>'s.</summary>
    internal float Adjust(float probability)
    {
        if (_priorShift == 0 || probability is <= 0 or >= 1)
        {
            return probability;
        }

        return 1f / (1f + (MathF.Exp(-_priorShift) * (1 - probability) / probability));
    }

    /// <summary>Whether the model was fitted on this exact text (used to keep evaluation honest).</summary>
    internal bool WasTrainedOn(string text) =>
        _trainedTexts.Length > 0 && Array.BinarySearch(_trainedTexts, ScamModelFile.Fingerprint(text)) >= 0;

    internal ScamVerdict VerdictOf(float probability, bool hasWords) =>
        probability >= Threshold ? ScamVerdict.LikelyScam
        : probability >= Threshold * SuspiciousShareOfThreshold && hasWords ? ScamVerdict.Suspicious
        : ScamVerdict.Safe;

    internal void RequireWithinLimit(int length)
    {
        if (length > _maxInputLength)
        {
            throw new ArgumentException(
                $"The text is {length} characters long; this classifier accepts at most {_maxInputLength} ({nameof(ScamClassifierOptions)}.{nameof(ScamClassifierOptions.MaxInputLength)}).");
        }
    }

    /// <summary>A text with no words at all (empty, blanks, emoji only) carries no evidence either way.</summary>
    private static bool HasWords(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For each pattern worth explaining, takes the run of segments that gave its head the best margin, spreads every
    /// syllable n-gram's contribution there (weight × idf) evenly over its tokens, and reports the runs of consecutive
    /// tokens whose net contribution is positive, strongest first: phrases such as "bị khóa 2 chiều", not lone
    /// syllables.
    /// </summary>
    private List<ScamEvidence> CollectEvidence(string text, in RangeTracker ranges, Dictionary<ScamPattern, float> patterns, bool isScam)
    {
        var strongest = ScamPatterns.All.MaxBy(p => patterns[p]);
        var evidence = new List<ScamEvidence>();
        var runs = new List<(int First, int Last, float Weight)>();

        // Patterns whose best run is the same span (in a short text, all of them) share one featurisation.
        var read = new List<(int Start, int End, EvidenceCollector Collected)>(2);
        foreach (var (pattern, head) in PatternTable.All.Select(row => (row.Pattern, row.Head)))
        {
            if (!PatternTable.IsPresent(patterns[pattern]) && !(isScam && pattern == strongest))
            {
                continue;
            }

            var (start, end) = ranges.BestSpan(head);
            if (start < 0)
            {
                (start, end) = (0, text.Length);
            }

            var index = read.FindIndex(r => r.Start == start && r.End == end);
            if (index < 0)
            {
                read.Add((start, end, NGramFeaturizer<EvidenceCollector>.Run(text.AsSpan(start, end - start), new EvidenceCollector(end - start))));
                index = read.Count - 1;
            }

            var collected = read[index].Collected;
            var tokenCount = collected.Tokens.Count;
            var perToken = ArrayPool<float>.Shared.Rent(tokenCount);
            try
            {
                Array.Clear(perToken, 0, tokenCount);
                foreach (var (bucket, order, lastToken) in collected.Phrases)
                {
                    var share = _heads.Weights(bucket).GetElement(head) / order;
                    for (var t = Math.Max(0, lastToken - order + 1); t <= lastToken; t++)
                    {
                        perToken[t] += share;
                    }
                }

                runs.Clear();
                for (var t = 0; t < tokenCount; t++)
                {
                    if (perToken[t] <= 0)
                    {
                        continue;
                    }

                    var first = t;
                    var weight = 0f;
                    while (t < tokenCount && perToken[t] > 0)
                    {
                        weight += perToken[t++];
                    }

                    runs.Add((first, t - 1, weight));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(perToken);
            }

            runs.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            for (var r = 0; r < Math.Min(EvidencePerPattern, runs.Count); r++)
            {
                var (first, last, weight) = runs[r];
                var phraseStart = start + collected.Tokens[first].Start;
                var phraseEnd = start + collected.Tokens[last].End;
                evidence.Add(new ScamEvidence(text[phraseStart..phraseEnd], phraseStart, phraseEnd - phraseStart, pattern, weight));
            }
        }

        evidence.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pattern.CompareTo(b.Pattern));
        return evidence;
    }

    private static LoadedModel LoadEmbedded()
    {
        const string resource = "ScamScriptClassifier.default-model.zip";
        using var stream = typeof(ScamClassifier).Assembly.GetManifestResourceStream(resource)
            ?? throw new ScamModelException($"The embedded default model \"{resource}\" is missing from this build of the library.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ScamModelFile.Load(buffer.ToArray(), "embedded default model").ForScoring();
    }
}
