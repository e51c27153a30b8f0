using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Scoring;

/// <summary>Records where each syllable n-gram occurred, so its contribution can be traced back to the text.</summary>
internal struct EvidenceCollector : IFeatureConsumer
{
    public EvidenceCollector() => Phrases = [];

    public List<(int Bucket, int Start, int End)> Phrases { get; }

    public int Occurrences { get; private set; }

    public void Add(int index, int start, int end, bool isPhrase)
    {
        Occurrences++;
        if (isPhrase)
        {
            Phrases.Add((index, start, end));
        }
    }
}
