namespace ScamScriptClassifier;

/// <summary>Scores labelled items with a classifier and measures the result.</summary>
public static class ScamEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="classifier"/> on <paramref name="items"/>. Items whose exact text the model
    /// was fitted on are left out and counted in <see cref="EvaluationReport.SkippedSeen"/>, so the figures are
    /// always on unseen data.
    /// </summary>
    /// <param name="classifier">The model.</param>
    /// <param name="items">Labelled items.</param>
    /// <param name="sources">Optional: for each item, the file it came from (see <see cref="LabeledDataSet.Sources"/>).</param>
    public static EvaluationReport Evaluate(ScamClassifier classifier, IReadOnlyList<LabeledMessage> items, IReadOnlyList<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(items);
        if (sources is not null && sources.Count != items.Count)
        {
            throw new ArgumentException("There must be one source per item.", nameof(sources));
        }

        var scored = new List<Scored>(items.Count);
        var skipped = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (classifier.WasTrainedOn(items[i].Text))
            {
                skipped++;
                continue;
            }

            scored.Add(new Scored(items[i], sources?[i], classifier.Score(items[i].Text)));
        }

        var early = Early(classifier, scored.Where(s => s.Item.Kind == MessageKind.Transcript).Select(s => s.Item).ToList());
        return Report(scored, classifier.Threshold, ScamPatterns.All.Select(p => Pattern(scored, p)).ToList(), early, skipped);
    }

    /// <summary>
    /// Evaluates the <see cref="TfIdfBaseline"/> on <paramref name="items"/> exactly as <see cref="Evaluate(ScamClassifier, IReadOnlyList{LabeledMessage}, IReadOnlyList{string}?)"/>
    /// evaluates a model (same subsets, same threshold rule), so the two reports compare row by row. The baseline has
    /// no pattern heads and no live calls: those parts of its report are empty.
    /// </summary>
    public static EvaluationReport Evaluate(TfIdfBaseline baseline, IReadOnlyList<LabeledMessage> items, IReadOnlyList<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(items);
        var probabilities = baseline.ScoreProbabilities([.. items.Select(i => i.Text)]);
        var noPatterns = new Dictionary<ScamPattern, float>();
        var scored = items.Select((item, i) => new Scored(item, sources?[i],
            new ScamAssessment(probabilities[i], probabilities[i] >= baseline.Threshold, probabilities[i] >= baseline.Threshold ? ScamVerdict.LikelyScam : ScamVerdict.Safe, noPatterns, []))).ToList();
        return Report(scored, baseline.Threshold, [], new EarlyDetection(0, 0, 0, 0, 0, 0, 0), skipped: 0);
    }

    /// <summary>
    /// Trains the <see cref="TfIdfBaseline"/> on the items of <paramref name="corpus"/> that <paramref name="classifier"/>
    /// was trained on (its training split), then evaluates both on the items of <paramref name="items"/> the model
    /// never saw.
    /// </summary>
    /// <exception cref="ArgumentException">The model was trained on none of the corpus items.</exception>
    public static BaselineComparison CompareWithBaseline(ScamClassifier classifier, IReadOnlyList<LabeledMessage> corpus, IReadOnlyList<LabeledMessage> items, IReadOnlyList<string>? sources = null, ScamTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(items);
        var trainedOn = corpus.Where(i => classifier.WasTrainedOn(i.Text)).ToList();
        if (trainedOn.Count == 0)
        {
            throw new ArgumentException("The model was trained on none of the corpus items: the baseline needs the model's training split.", nameof(corpus));
        }

        var baseline = new ScamModelTrainer(options).TrainBaseline(trainedOn);
        var unseen = Enumerable.Range(0, items.Count).Where(i => !classifier.WasTrainedOn(items[i].Text)).ToList();
        return new BaselineComparison(
            Evaluate(classifier, items, sources),
            baseline,
            Evaluate(baseline, [.. unseen.Select(i => items[i])], sources is null ? null : [.. unseen.Select(i => sources[i])]),
            trainedOn.Count);
    }

    private static EvaluationReport Report(List<Scored> scored, float threshold, List<PatternMetrics> patterns, EarlyDetection early, int skipped)
    {
        var byKind = scored.GroupBy(s => KindName(s.Item.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Binary(g.ToList(), threshold));
        var bySource = scored.Where(s => s.Source is not null).GroupBy(s => s.Source!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Binary(g.ToList(), threshold));
        var byDiacritics = scored.GroupBy(s => HasDiacritics(s.Item.Text) ? "with-diacritics" : "no-diacritics").OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Binary(g.ToList(), threshold));
        var bySender = scored.Where(s => s.Item.Sender is not null).GroupBy(s => s.Item.Sender!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Binary(g.ToList(), threshold));
        var errors = scored.Where(s => s.Assessment.IsScam != s.Item.IsScam)
            .OrderByDescending(s => Math.Abs(s.Assessment.Probability - threshold))
            .Select(s => new EvaluationError(s.Item.Id, s.Source, s.Item.Kind, s.Item.IsScam, s.Assessment.Probability, s.Item.Text))
            .ToList();
        return new EvaluationReport(threshold, Binary(scored, threshold), byKind, bySource, byDiacritics, patterns, early, errors, skipped)
        {
            BySender = bySender,
        };
    }

    internal static string KindName(MessageKind kind) => kind switch
    {
        MessageKind.Sms => "sms",
        MessageKind.Transcript => "transcript",
        MessageKind.Asr => "asr",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool HasDiacritics(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c) && c > 0x7F && Text.VietnameseAlphabet.Fold(c) != char.ToLowerInvariant(c))
            {
                return true;
            }

            if (Text.VietnameseAlphabet.IsCombiningMark(c))
            {
                return true;
            }
        }

        return false;
    }

    private static EarlyDetection Early(ScamClassifier classifier, List<LabeledMessage> transcripts)
    {
        var scam = transcripts.Where(t => t.IsScam).Select(t => CallerTurnOfAlert(classifier, t.Text)).ToList();
        var legit = transcripts.Where(t => !t.IsScam).Select(t => CallerTurnOfAlert(classifier, t.Text)).ToList();
        double ShareBy(int turn) => scam.Count == 0 ? 0 : scam.Count(a => a is { } t && t <= turn) / (double)scam.Count;
        return new EarlyDetection(
            scam.Count,
            ShareBy(2),
            ShareBy(3),
            ShareBy(4),
            ShareBy(int.MaxValue),
            legit.Count,
            legit.Count == 0 ? 0 : legit.Count(a => a is not null) / (double)legit.Count);
    }

    /// <summary>Replays a transcript line by line; the caller's turn number when the call was first flagged, or null.</summary>
    private static int? CallerTurnOfAlert(ScamClassifier classifier, string transcript)
    {
        var lines = transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var call = classifier.StartCall();
        var callerLabel = SpeakerLabel(lines.FirstOrDefault() ?? string.Empty);
        var callerTurns = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            // Unlabelled lines alternate, starting with the caller.
            var label = SpeakerLabel(lines[i]);
            if (callerLabel is null ? i % 2 == 0 : label == callerLabel)
            {
                callerTurns++;
            }

            if (call.Append(lines[i]).AlertTurn is not null)
            {
                return Math.Max(callerTurns, 1);
            }
        }

        return null;
    }

    private static string? SpeakerLabel(string line)
    {
        if (line.StartsWith('['))
        {
            var close = line.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? line[..close] : null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and <= 24 ? line[..colon] : null;
    }

    private sealed record Scored(LabeledMessage Item, string? Source, ScamAssessment Assessment);

    private static BinaryMetrics Binary(List<Scored> scored, float threshold) =>
        Metrics(scored.Select(s => (s.Item.IsScam, s.Assessment.Probability)).ToList(), threshold);

    /// <summary>Binary metrics from (label, probability) pairs read at <paramref name="threshold"/>.</summary>
    internal static BinaryMetrics Metrics(IReadOnlyList<(bool IsScam, float Probability)> pairs, float threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (isScam, probability) in pairs)
        {
            var flagged = probability >= threshold;
            if (isScam)
            {
                if (flagged) tp++; else fn++;
            }
            else
            {
                if (flagged) fp++; else tn++;
            }
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        return new BinaryMetrics(
            pairs.Count,
            tp + fn,
            RocAuc(pairs),
            AveragePrecision(pairs),
            precision,
            recall,
            Ratio(2 * precision * recall, precision + recall),
            Ratio(fp, fp + tn),
            tp,
            fp,
            tn,
            fn);
    }

    private static PatternMetrics Pattern(List<Scored> scored, ScamPattern pattern)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var s in scored)
        {
            var actual = s.Item.Patterns.Contains(pattern);
            var predicted = s.Assessment.Patterns[pattern] >= 0.5f;
            if (actual && predicted) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        return new PatternMetrics(pattern, tp + fn, precision, recall, Ratio(2 * precision * recall, precision + recall));
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    /// <summary>The Mann-Whitney statistic: the chance a random scam outscores a random legit item (ties count half).</summary>
    private static double? RocAuc(IReadOnlyList<(bool IsScam, float Probability)> pairs)
    {
        var positives = pairs.Count(p => p.IsScam);
        var negatives = pairs.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var sorted = pairs.OrderBy(p => p.Probability).ToList();
        double rankSum = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j < sorted.Count && sorted[j].Probability == sorted[i].Probability)
            {
                j++;
            }

            var averageRank = ((i + 1) + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (sorted[k].IsScam)
                {
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double? AveragePrecision(IReadOnlyList<(bool IsScam, float Probability)> pairs)
    {
        var positives = pairs.Count(p => p.IsScam);
        if (positives == 0)
        {
            return null;
        }

        var sorted = pairs.OrderByDescending(p => p.Probability).ToList();
        double sum = 0;
        var truePositives = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].IsScam)
            {
                truePositives++;
                sum += truePositives / (double)(i + 1);
            }
        }

        return sum / positives;
    }
}
