using System.Buffers;
using System.Diagnostics;
using System.Runtime.Intrinsics;
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
/// source. The file's payload is checked against the SHA-256 in its manifest, which catches damage, not malice.
/// </remarks>
public sealed class ScamClassifier : IScamClassifier
{
    /// <summary>
    /// Texts up to this length are scored whole. Longer ones (a long call, a day of chat) are scored in
    /// overlapping windows of <see cref="WindowLength"/> characters and the worst window counts, so a scam at the
    /// end of a long call is neither diluted by the rest nor cut off.
    /// </summary>
    public const int MaxUnwindowedLength = 2048;

    /// <summary>The window for texts longer than <see cref="MaxUnwindowedLength"/>: about the length of the longest training items. Windows overlap by half.</summary>
    public const int WindowLength = 768;

    private const int WindowStride = WindowLength / 2;
    private const float SuspiciousShareOfThreshold = 0.75f;
    private const float EvidencePatternProbability = 0.5f;
    private const int EvidencePerPattern = 3;

    private static readonly Lazy<LoadedModel> DefaultModel = new(LoadEmbedded);
    private static readonly Lazy<ScamClassifier> Default = new(() => new ScamClassifier(DefaultModel.Value, new ScamClassifierOptions(), NullLogger.Instance));

    private readonly LinearHeads _heads;
    private readonly ulong[] _trainedTexts;
    private readonly int _maxInputLength;
    private readonly ILogger _logger;

    private ScamClassifier(LoadedModel model, ScamClassifierOptions options, ILogger logger)
    {
        _heads = model.Heads;
        _trainedTexts = model.TrainedTexts;
        _maxInputLength = options.MaxInputLength;
        _logger = logger;
        Manifest = model.Manifest;
        Threshold = options.Threshold
            ?? model.Manifest.Profiles?.For(options.Profile)
            ?? model.Manifest.Threshold;
    }

    /// <summary>What the model file says about itself: provenance, threshold, held-out metrics.</summary>
    public ScamModelManifest Manifest { get; }

    /// <summary>The probability at which a text counts as a scam: the model's tuned threshold unless the options chose another.</summary>
    public float Threshold { get; }

    internal LinearHeads Heads => _heads;

    internal ILogger Logger => _logger;

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

    /// <inheritdoc />
    public ScamCallSession StartCall() => new(this);

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
        if (text.Length <= MaxUnwindowedLength)
        {
            return ScamHeadProbability(text);
        }

        var worst = 0f;
        for (var window = FirstWindow(text); !window.IsEmpty(); window = NextWindow(text, window))
        {
            worst = Math.Max(worst, ScamHeadProbability(text[window.Start..window.End]));
        }

        return worst;
    }

    /// <inheritdoc />
    public ScamAssessment Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireWithinLimit(text.Length);
        var started = Stopwatch.GetTimestamp();

        // An ordinary text is featurised once, for the sums and the evidence together. A long one is first scored
        // window by window, then the worst window is featurised again for its evidence.
        WeightAccumulator sums;
        EvidenceCollector evidenceSource;
        var evidenceStart = 0;
        var patternProbabilities = new Dictionary<ScamPattern, float>(ScamPatterns.All.Count);
        if (text.Length <= MaxUnwindowedLength)
        {
            var collected = NGramFeaturizer<AssessmentCollector>.Run(text, new AssessmentCollector(_heads, text.Length));
            sums = collected.Sums;
            evidenceSource = collected.Evidence;
            foreach (var pattern in ScamPatterns.All)
            {
                patternProbabilities[pattern] = sums.Probability(LinearHeads.HeadOf(pattern));
            }
        }
        else
        {
            var worstProbability = -1f;
            var worstWindow = new Window(0, text.Length);
            sums = default;
            foreach (var pattern in ScamPatterns.All)
            {
                patternProbabilities[pattern] = 0f;
            }

            for (var window = FirstWindow(text); !window.IsEmpty(); window = NextWindow(text, window))
            {
                var windowSums = ScoreWindow(text.AsSpan(window.Start, window.End - window.Start));
                var windowProbability = windowSums.Probability(LinearHeads.Scam);
                if (windowProbability > worstProbability)
                {
                    worstProbability = windowProbability;
                    worstWindow = window;
                    sums = windowSums;
                }

                foreach (var pattern in ScamPatterns.All)
                {
                    patternProbabilities[pattern] = Math.Max(patternProbabilities[pattern], windowSums.Probability(LinearHeads.HeadOf(pattern)));
                }
            }

            evidenceStart = worstWindow.Start;
            evidenceSource = NGramFeaturizer<EvidenceCollector>.Run(text.AsSpan(worstWindow.Start, worstWindow.End - worstWindow.Start), new EvidenceCollector(worstWindow.End - worstWindow.Start));
        }

        var probability = sums.Probability(LinearHeads.Scam);
        var isScam = probability >= Threshold;
        var verdict = VerdictOf(probability, HasWords(text));
        var evidence = CollectEvidence(text, evidenceStart, evidenceSource, patternProbabilities, isScam);
        ScamScriptMetrics.RecordScore(verdict, Stopwatch.GetElapsedTime(started));
        return new ScamAssessment(probability, isScam, verdict, patternProbabilities, evidence);
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

    private float ScamHeadProbability(ReadOnlySpan<char> text) =>
        NGramFeaturizer<ScamHeadAccumulator>.Run(text, new ScamHeadAccumulator(_heads)).Probability();

    internal WeightAccumulator ScoreWindow(ReadOnlySpan<char> text) =>
        NGramFeaturizer<WeightAccumulator>.Run(text, new WeightAccumulator(_heads));

    /// <summary>
    /// For each pattern worth explaining, spreads every syllable n-gram's contribution (weight × value) evenly over
    /// its tokens, then reports the runs of consecutive tokens whose net contribution is positive, strongest first:
    /// phrases such as "bị khóa 2 chiều", not lone syllables.
    /// </summary>
    private List<ScamEvidence> CollectEvidence(string text, int windowStart, EvidenceCollector collected, Dictionary<ScamPattern, float> patterns, bool isScam)
    {
        var value = FeatureSpace.OccurrenceValue(collected.Occurrences);
        var strongest = ScamPatterns.All.MaxBy(p => patterns[p]);
        var evidence = new List<ScamEvidence>();
        var tokenCount = collected.Tokens.Count;

        // One pass spreads every head's share at once: a phrase's five weights are one 32-byte load.
        var perToken = ArrayPool<Vector256<float>>.Shared.Rent(tokenCount);
        try
        {
            Array.Clear(perToken, 0, tokenCount);
            foreach (var (bucket, order, lastToken) in collected.Phrases)
            {
                var share = _heads.Weights(bucket) * value / order;
                for (var t = Math.Max(0, lastToken - order + 1); t <= lastToken; t++)
                {
                    perToken[t] += share;
                }
            }

            var runs = new List<(int First, int Last, float Weight)>();
            foreach (var pattern in ScamPatterns.All)
            {
                if (patterns[pattern] < EvidencePatternProbability && !(isScam && pattern == strongest))
                {
                    continue;
                }

                var head = LinearHeads.HeadOf(pattern);
                runs.Clear();
                for (var t = 0; t < tokenCount; t++)
                {
                    if (perToken[t].GetElement(head) <= 0)
                    {
                        continue;
                    }

                    var first = t;
                    var weight = 0f;
                    while (t < tokenCount && perToken[t].GetElement(head) > 0)
                    {
                        weight += perToken[t++].GetElement(head);
                    }

                    runs.Add((first, t - 1, weight));
                }

                runs.Sort((a, b) => b.Weight.CompareTo(a.Weight));
                for (var r = 0; r < Math.Min(EvidencePerPattern, runs.Count); r++)
                {
                    var (first, last, weight) = runs[r];
                    var start = windowStart + collected.Tokens[first].Start;
                    var end = windowStart + collected.Tokens[last].End;
                    evidence.Add(new ScamEvidence(text[start..end], start, end - start, pattern, weight));
                }
            }
        }
        finally
        {
            ArrayPool<Vector256<float>>.Shared.Return(perToken);
        }

        evidence.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pattern.CompareTo(b.Pattern));
        return evidence;
    }

    /// <summary>A stretch [Start, End) of a long text; empty once past its end.</summary>
    private readonly record struct Window(int Start, int End)
    {
        public bool IsEmpty() => Start >= End;
    }

    private static Window FirstWindow(ReadOnlySpan<char> text) => new(0, WindowEndAt(text, 0));

    private static Window NextWindow(ReadOnlySpan<char> text, Window current)
    {
        if (current.End >= text.Length)
        {
            return new Window(text.Length, text.Length);
        }

        // Step half a window, to the next word boundary, so every stretch of text is seen whole by some window.
        var start = current.Start + WindowStride;
        while (start < current.End && !char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new Window(start, WindowEndAt(text, start));
    }

    private static int WindowEndAt(ReadOnlySpan<char> text, int start)
    {
        var end = Math.Min(text.Length, start + WindowLength);
        if (end == text.Length)
        {
            return end;
        }

        var boundary = end;
        while (boundary > start + WindowStride && !char.IsWhiteSpace(text[boundary - 1]))
        {
            boundary--;
        }

        return boundary > start + WindowStride ? boundary : end;
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
