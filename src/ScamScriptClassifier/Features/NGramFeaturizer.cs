using System.Numerics;
using System.Runtime.CompilerServices;
using ScamScriptClassifier.Text;

namespace ScamScriptClassifier.Features;

/// <summary>
/// Turns the tokenizer's stream into hashed features: syllable 1–3-grams on the accented view and on the folded view,
/// each family in its own namespace of the same space. Character n-grams were measured and left out: without them
/// held-out ROC-AUC and recall on speech-recogniser text were no worse, and scoring was a third faster.
/// </summary>
internal struct NGramFeaturizer<TConsumer> : ITokenSink
    where TConsumer : struct, IFeatureConsumer
{
    // One random odd constant per family (n × view), and another for the same family inside quotation marks:
    // a token inside quotation marks is reported, not said, and gets weights of its own.
    private const ulong Accented1 = 0x8CB9_2BA7_2F3D_8DD7, Accented2 = 0xD6E8_FEB8_6659_FD93, Accented3 = 0xA076_1D64_78BD_642F;
    private const ulong Folded1 = 0xE703_7ED1_A0B4_28DB, Folded2 = 0x8EBC_6AF0_9C88_C6E3, Folded3 = 0x5899_65CC_7537_4CC3;
    private const ulong Quoted = 0x1D8E_4E27_C47D_124F;

    public TConsumer Consumer;

    /// <summary>The previous token's hash and the previous bigram's key, per view: the next token extends both.</summary>
    private ulong _accented, _accentedBigram, _folded, _foldedBigram;
    private int _start1, _start2;
    private int _history;
    private int _segmentTokens;
    private int _token = -1;
    private ulong _namespace;

    public NGramFeaturizer(TConsumer consumer) => Consumer = consumer;

    /// <summary>Featurises <paramref name="text"/> into <paramref name="consumer"/> and returns the consumer with what it gathered.</summary>
    public static TConsumer Run(ReadOnlySpan<char> text, TConsumer consumer)
    {
        var featurizer = new NGramFeaturizer<TConsumer>(consumer);
        featurizer.Featurize(text);
        return featurizer.Consumer;
    }

    /// <summary>Featurises <paramref name="text"/> into <see cref="Consumer"/> in place: no copy of a large consumer.</summary>
    public void Featurize(ReadOnlySpan<char> text)
    {
        VietnameseTokenizer.Tokenize(text, ref this);
        OnBoundary();
    }

    public void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted)
    {
        if (_segmentTokens == FeatureSpace.SegmentTokens)
        {
            OnBoundary();
        }

        _segmentTokens++;
        _token++;
        _namespace = quoted ? Quoted : 0;
        var accentedHash = TokenHash.Of(accented);
        var foldedHash = TokenHash.Of(folded);

        Add(accentedHash, Accented1, start, end, 1);
        Add(foldedHash, Folded1, start, end, 1);
        ulong accentedBigram = 0, foldedBigram = 0;
        if (_history >= 1)
        {
            accentedBigram = Combine(_accented, accentedHash);
            foldedBigram = Combine(_folded, foldedHash);
            Add(accentedBigram, Accented2, _start1, end, 2);
            Add(foldedBigram, Folded2, _start1, end, 2);
        }

        if (_history >= 2)
        {
            Add(Combine(_accentedBigram, accentedHash), Accented3, _start2, end, 3);
            Add(Combine(_foldedBigram, foldedHash), Folded3, _start2, end, 3);
        }

        (_accented, _accentedBigram, _folded, _foldedBigram) = (accentedHash, accentedBigram, foldedHash, foldedBigram);
        _start2 = _start1;
        _start1 = start;
        _history++;
    }

    public void OnBoundary()
    {
        _history = 0;
        if (_segmentTokens > 0)
        {
            _segmentTokens = 0;
            Consumer.EndSegment();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ulong key, ulong family, int start, int end, int order) =>
        Consumer.Add(Bucket(key ^ family ^ _namespace), start, end, order, _token);

    /// <summary>Fibonacci hashing: the top bits of the product depend on every bit of the key, for one multiply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(ulong key) => (int)((key * 0xFF51_AFD7_ED55_8CCDUL) >> (64 - FeatureSpace.Bits));

    /// <summary>An ordered pair of hashes as one: the rotation keeps (a, b) apart from (b, a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong a, ulong b) => BitOperations.RotateLeft(a * 0xC2B2_AE3D_27D4_EB4FUL, 27) ^ b;
}
