using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>Records where each n-gram occurred, so its contribution can be traced back to the text.</summary>
internal struct EvidenceCollector : IFeatureConsumer
{
    /// <param name="textLength">The length of the text to be featurised: the lists are sized for it, so they need not grow.</param>
    public EvidenceCollector(int textLength)
    {
        // A syllable and its space average four to five characters, and each token brings up to six n-grams.
        Phrases = new(textLength + (textLength / 2) + 8);
        Tokens = new((textLength / 3) + 4);
    }

    /// <summary>Each syllable n-gram occurrence: its bucket, its n, and the index of its last token in <see cref="Tokens"/>.</summary>
    public List<(int Bucket, int Order, int LastToken)> Phrases { get; }

    /// <summary>The text span of each token, in order (the tokens of one teencode expansion share one span).</summary>
    public List<(int Start, int End)> Tokens { get; }

    public int Occurrences { get; private set; }

    private int _unigrams;

    public void Add(int index, int start, int end, int order)
    {
        Occurrences++;

        // Every token has exactly two unigrams (accented and folded view): the first of each pair starts a token.
        if (order == 1 && _unigrams++ % 2 == 0)
        {
            Tokens.Add((start, end));
        }

        Phrases.Add((index, order, Tokens.Count - 1));
    }

    public readonly void EndSegment()
    {
    }
}
