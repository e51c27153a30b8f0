using ScamScriptClassifier.Text;

namespace ScamScriptClassifier;

/// <summary>Two items whose word 3-gram sets overlap heavily.</summary>
/// <param name="FirstId">One item.</param>
/// <param name="SecondId">The other.</param>
/// <param name="Jaccard">|A ∩ B| / |A ∪ B| of their folded word 3-grams.</param>
public sealed record NearDuplicatePair(string FirstId, string SecondId, double Jaccard);

/// <summary>
/// Finds near-duplicate items in a corpus: word 3-grams of the folded text (so a copy without diacritics still
/// counts), compared by Jaccard similarity. Used to keep a hand-written corpus from being templates in disguise.
/// </summary>
public static class NearDuplicates
{
    /// <summary>3-grams shared by more items than this are too common to propose a pair on their own.</summary>
    private const int MaxPostings = 400;

    /// <summary>Every pair with Jaccard similarity at least <paramref name="threshold"/>, most similar first.</summary>
    public static IReadOnlyList<NearDuplicatePair> Find(IReadOnlyList<LabeledMessage> items, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(items);
        var shingles = items.Select(i => Shingles(i.Text)).ToArray();
        var postings = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < shingles.Length; i++)
        {
            foreach (var shingle in shingles[i])
            {
                if (!postings.TryGetValue(shingle, out var list))
                {
                    postings[shingle] = list = [];
                }

                list.Add(i);
            }
        }

        var pairs = new List<NearDuplicatePair>();
        var candidates = new HashSet<int>();
        for (var i = 0; i < shingles.Length; i++)
        {
            candidates.Clear();
            foreach (var shingle in shingles[i])
            {
                var list = postings[shingle];
                if (list.Count > MaxPostings)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates)
            {
                var shared = shingles[i].Count(shingles[j].Contains);
                var jaccard = shared / (double)(shingles[i].Count + shingles[j].Count - shared);
                if (jaccard >= threshold)
                {
                    pairs.Add(new NearDuplicatePair(items[i].Id, items[j].Id, jaccard));
                }
            }
        }

        return [.. pairs.OrderByDescending(p => p.Jaccard)];
    }

    private static HashSet<ulong> Shingles(string text)
    {
        var collector = new ShingleCollector();
        VietnameseTokenizer.Tokenize(text, ref collector);
        return collector.Shingles ?? [];
    }

    private struct ShingleCollector : ITokenSink
    {
        private ulong _previous1, _previous2;
        private int _count;

        public HashSet<ulong>? Shingles { get; private set; }

        public void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted)
        {
            var hash = TokenHash.Of(folded);
            if (_count >= 2)
            {
                (Shingles ??= []).Add((_previous2 * 31 * 31) + (_previous1 * 31) + hash);
            }

            _previous2 = _previous1;
            _previous1 = hash;
            _count++;
        }

        public void OnBoundary()
        {
        }
    }
}
