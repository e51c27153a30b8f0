namespace ScamScriptClassifier.Training;

/// <summary>
/// Reads every operating point off out-of-fold (label, probability) pairs in one pass over them sorted once: the
/// balanced threshold (best F1 within a false-positive cap), and the high-recall and high-precision thresholds.
/// </summary>
internal static class OperatingPoints
{
    private const double ProfileTarget = 0.99;

    public static ThresholdProfiles Choose(IReadOnlyList<(bool IsScam, float Probability)> pairs, double maxFalsePositiveRate)
    {
        var points = Sweep(pairs);
        var balanced = points[0];
        foreach (var point in points)
        {
            if (Better(point, balanced, maxFalsePositiveRate))
            {
                balanced = point;
            }
        }

        float? highRecall = null, highPrecision = null;
        foreach (var point in points)
        {
            if (point.Recall >= ProfileTarget && point.Threshold <= balanced.Threshold && !(point.Threshold <= highRecall))
            {
                highRecall = point.Threshold;
            }

            if (point.Precision >= ProfileTarget && point.Threshold >= balanced.Threshold && !(point.Threshold >= highPrecision))
            {
                highPrecision = point.Threshold;
            }
        }

        var profiles = new ThresholdProfiles(balanced.Threshold, highRecall ?? balanced.Threshold, highPrecision ?? balanced.Threshold);
        double RateAt(float threshold) => points.First(p => p.Threshold >= threshold).FalsePositiveRate;
        return profiles with
        {
            BalancedFalsePositiveRate = RateAt(profiles.Balanced),
            HighRecallFalsePositiveRate = RateAt(profiles.HighRecall),
            HighPrecisionFalsePositiveRate = RateAt(profiles.HighPrecision),
        };
    }

    /// <summary>The metrics at every distinct probability (flagged: probability ≥ threshold) and at 0.5.</summary>
    internal static List<Point> Sweep(IReadOnlyList<(bool IsScam, float Probability)> pairs)
    {
        var sorted = pairs.Select(p => p.Probability).Append(0.5f).Distinct().ToArray();
        Array.Sort(sorted);
        var byProbability = pairs.OrderByDescending(p => p.Probability).ToArray();
        var positives = pairs.Count(p => p.IsScam);
        var negatives = pairs.Count - positives;
        var points = new List<Point>(sorted.Length);
        int tp = 0, fp = 0, next = 0;
        for (var c = sorted.Length - 1; c >= 0; c--)
        {
            var threshold = sorted[c];
            while (next < byProbability.Length && byProbability[next].Probability >= threshold)
            {
                if (byProbability[next++].IsScam) tp++; else fp++;
            }

            var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
            var recall = positives == 0 ? 0 : tp / (double)positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            points.Add(new Point(threshold, precision, recall, f1, negatives == 0 ? 0 : fp / (double)negatives));
        }

        points.Reverse();
        return points;
    }

    /// <summary>Within the cap beats over it; over it, the lower rate wins; then the better F1; then the nearer to 0.5.</summary>
    private static bool Better(Point a, Point b, double cap)
    {
        bool aWithin = a.FalsePositiveRate <= cap, bWithin = b.FalsePositiveRate <= cap;
        if (aWithin != bWithin)
        {
            return aWithin;
        }

        if (!aWithin && a.FalsePositiveRate != b.FalsePositiveRate)
        {
            return a.FalsePositiveRate < b.FalsePositiveRate;
        }

        var (fa, fb) = (Math.Round(a.F1, 12), Math.Round(b.F1, 12));
        if (fa != fb)
        {
            return fa > fb;
        }

        return Math.Abs(a.Threshold - 0.5f) < Math.Abs(b.Threshold - 0.5f);
    }

    internal readonly record struct Point(float Threshold, double Precision, double Recall, double F1, double FalsePositiveRate);
}
