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
        var byKind = scored.GroupBy(s => s.Item.Kind.ToWireName()).OrderBy(g => g.Key, StringComparer.Ordinal)
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

    /// <summary>
    /// Probes how the verdict holds up across lengths, positions, repetition, short turns and live replay (see
    /// <see cref="RobustnessReport"/>), on the items of <paramref name="items"/> the model never saw. Deterministic
    /// for a seed; at most <paramref name="probes"/> texts per probe.
    /// </summary>
    public static RobustnessReport Robustness(ScamClassifier classifier, IReadOnlyList<LabeledMessage> items, int probes = 200, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(items);
        var random = new Random(seed);
        var unseen = items.Where(i => !classifier.WasTrainedOn(i.Text)).ToList();
        var legit = unseen.Where(i => !i.IsScam).Select(i => i.Text).ToList();
        var scams = unseen.Where(i => i.IsScam).Select(i => i.Text).ToList();
        bool Flagged(string text) => classifier.ScoreProbability(text) >= classifier.Threshold;
        string Context(int length)
        {
            var parts = new List<string>();
            var total = 0;
            while (total < length && legit.Count > 0)
            {
                var next = legit[random.Next(legit.Count)];
                parts.Add(next);
                total += next.Length + 1;
            }

            return string.Join('\n', parts);
        }

        var flaggedScams = scams.Where(Flagged).Take(probes).ToList();
        double Retained(int length)
        {
            if (flaggedScams.Count == 0)
            {
                return 0;
            }

            var kept = 0;
            foreach (var scam in flaggedScams)
            {
                var context = Context(length);
                var middle = context.IndexOf('\n', context.Length / 2) is var m and >= 0 ? m : context.Length;
                kept += Flagged(scam + "\n" + context) ? 1 : 0;
                kept += Flagged(context[..middle] + "\n" + scam + "\n" + context[middle..]) ? 1 : 0;
                kept += Flagged(context + "\n" + scam) ? 1 : 0;
            }

            return kept / (3.0 * flaggedScams.Count);
        }

        var legitProbe = legit.Take(probes).ToList();
        var aloneRate = legitProbe.Count == 0 ? 0 : legitProbe.Count(Flagged) / (double)legitProbe.Count;
        var lengths = new[] { 800, 2_000, 5_000, 12_000, 30_000 };
        var concatenated = Enumerable.Range(0, Math.Min(probes, 100)).Select(i => Context(lengths[i % lengths.Length])).ToList();
        var concatenatedRate = legit.Count == 0 ? 0 : concatenated.Count(Flagged) / (double)concatenated.Count;

        string Repeat(string text) => string.Join(' ', Enumerable.Repeat(text, 20));
        var newlyFlagged = 0;
        var change = 0.0;
        foreach (var text in legitProbe)
        {
            var once = classifier.ScoreProbability(text);
            var repeated = classifier.ScoreProbability(Repeat(text));
            change += Math.Abs(repeated - once);
            newlyFlagged += once < classifier.Threshold && repeated >= classifier.Threshold ? 1 : 0;
        }

        var repeatedScams = flaggedScams.Count == 0 ? 0 : flaggedScams.Count(s => Flagged(Repeat(s))) / (double)flaggedScams.Count;
        string[] shortTurns = ["Alo", "Alô", "a lô", "Dạ alo", "alo alo", "a", "anh", "chị ơi", "vâng", "vâng ạ", "dạ", "dạ vâng", "ừ", "ờ", "em nghe",
            "Alo ai đấy ạ?", "Chào anh, tôi là Hùng", "Chào chị, em là Lan ạ", "Xin quý khách vui lòng giữ máy.", "Quý khách vui lòng chờ trong giây lát",
            "chờ chút nhé", "nghe rõ không", "a lô em nghe đây", "ok anh", "cảm ơn anh nhé", "dạ em chào chị", "alo vâng", "ai đấy", "có gì không em", "vâng tôi nghe"];
        var shortFlagged = shortTurns.Count(t => Flagged(t) || Flagged(Repeat(t)));

        const string Neutral = "Dạ vâng, em cảm ơn anh ạ.";
        var grown = unseen.Take(probes).ToList();
        var flips = grown.Count(i => Flagged(i.Text) != Flagged(i.Text + " " + Neutral));

        var transcripts = unseen.Where(i => i.Kind == MessageKind.Transcript).Take(probes).ToList();
        var legitCalls = transcripts.Where(t => !t.IsScam).ToList();
        bool AlertsLive(string text, bool alo, out bool finalFlag)
        {
            var call = classifier.StartCall();
            var alerted = false;
            if (alo)
            {
                alerted |= call.Append("Alo").AlertTurn is not null;
            }

            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                alerted |= call.Append(line).AlertTurn is not null;
            }

            finalFlag = call.Current.Probability >= classifier.Threshold;
            return alerted;
        }

        // Each transcript is replayed once: whether it alerted at some turn, and whether it is flagged at the end.
        var replays = transcripts.Select(t => (t.IsScam, Alerted: AlertsLive(t.Text, false, out var final), Final: final,
            Whole: Flagged(string.Join('\n', t.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))))).ToList();
        var liveRate = legitCalls.Count == 0 ? 0 : replays.Count(r => !r.IsScam && r.Alerted) / (double)legitCalls.Count;
        var liveAloRate = legitCalls.Count == 0 ? 0 : legitCalls.Count(c => AlertsLive(c.Text, true, out _)) / (double)legitCalls.Count;
        var agreement = transcripts.Count == 0 ? 1 : replays.Count(r => r.Final == r.Whole) / (double)transcripts.Count;

        return new RobustnessReport(
            flaggedScams.Count, Retained(1_500), Retained(20_000), aloneRate, concatenatedRate, newlyFlagged,
            legitProbe.Count == 0 ? 0 : change / legitProbe.Count, repeatedScams, shortFlagged, shortTurns.Length,
            grown.Count == 0 ? 0 : flips / (double)grown.Count, liveRate, liveAloRate, agreement);
    }

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
        var callerLabel = Text.VietnameseTokenizer.SpeakerLabelOf(lines.FirstOrDefault() ?? string.Empty);
        var callerTurns = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            // Unlabelled lines alternate, starting with the caller.
            var label = Text.VietnameseTokenizer.SpeakerLabelOf(lines[i]);
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
            var predicted = PatternTable.IsPresent(s.Assessment.Patterns[pattern]);
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
