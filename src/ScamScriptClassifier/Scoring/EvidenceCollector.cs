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

    public void Add(int index, int start, int end, int order, int token)
    {
        Occurrences++;

        // A token's span is its first unigram's, whichever view emits it; its other features carry the same index.
        if (order == 1 && token == Tokens.Count)
        {
            Tokens.Add((start, end));
        }

        Phrases.Add((index, order, token));
    }

    public readonly void EndSegment()
    {
    }
}
