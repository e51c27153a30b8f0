using System.Runtime.CompilerServices;
using ScamScriptClassifier.Text;

namespace ScamScriptClassifier.Features;

/// <summary>
/// Turns the tokenizer's stream into hashed features: syllable 1–3-grams on the accented view and on the
/// folded view, and character 4-grams of the folded text (which survive a speech recogniser's misspellings;
/// 3-grams were measured to add nothing on held-out data while costing a third of the lookups). Each feature family hashes into its own namespace of the same space.
/// </summary>
internal struct NGramFeaturizer<TConsumer> : ITokenSink
    where TConsumer : struct, IFeatureConsumer
{
    private const ulong AccentedNamespace = 0xA5A5_0001;
    private const ulong FoldedNamespace = 0xF0F0_0002;
    private const ulong CharNamespace = 0xC3C3_0003;

    /// <summary>Every feature of a token inside quotation marks moves to its own namespace.</summary>
    private const ulong QuotedNamespace = 0x5151_0000_0000_0000;

    public TConsumer Consumer;

    private ulong _accented1, _accented2, _folded1, _folded2;
    private int _start1, _start2;
    private int _history;
    private ulong _charWindow;
    private int _charCount;
    private ulong _quoted;

    public NGramFeaturizer(TConsumer consumer) => Consumer = consumer;

    /// <summary>Featurises <paramref name="text"/> into <paramref name="consumer"/> and returns the consumer with what it gathered.</summary>
    public static TConsumer Run(ReadOnlySpan<char> text, TConsumer consumer)
    {
        var featurizer = new NGramFeaturizer<TConsumer>(consumer);
        VietnameseTokenizer.Tokenize(text, ref featurizer);
        return featurizer.Consumer;
    }

    public void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted)
    {
        _quoted = quoted ? QuotedNamespace : 0;
        var accentedHash = Fnv1a.Hash(accented);
        var foldedHash = Fnv1a.Hash(folded);

        AddPhrase(accentedHash ^ AccentedNamespace, start, end, 1);
        AddPhrase(foldedHash ^ FoldedNamespace, start, end, 1);
        if (_history >= 1)
        {
            AddPhrase(Combine(_accented1, accentedHash) ^ (AccentedNamespace << 8), _start1, end, 2);
            AddPhrase(Combine(_folded1, foldedHash) ^ (FoldedNamespace << 8), _start1, end, 2);
        }

        if (_history >= 2)
        {
            AddPhrase(Combine(Combine(_accented2, _accented1), accentedHash) ^ (AccentedNamespace << 16), _start2, end, 3);
            AddPhrase(Combine(Combine(_folded2, _folded1), foldedHash) ^ (FoldedNamespace << 16), _start2, end, 3);
        }

        _accented2 = _accented1;
        _accented1 = accentedHash;
        _folded2 = _folded1;
        _folded1 = foldedHash;
        _start2 = _start1;
        _start1 = start;
        _history++;

        PushChar(' ', start, end);
        foreach (var c in folded)
        {
            PushChar(c, start, end);
        }
    }

    public void OnBoundary()
    {
        _history = 0;
        _charCount = 0;
        _charWindow = 0;
    }

    private void PushChar(char c, int start, int end)
    {
        _charWindow = (_charWindow << 16) | c;
        _charCount++;
        if (_charCount >= 4)
        {
            Consumer.Add(Bucket(_charWindow ^ (CharNamespace << 20) ^ _quoted), start, end, order: 0);
        }
    }

    private void AddPhrase(ulong hash, int start, int end, int order) => Consumer.Add(Bucket(hash ^ _quoted), start, end, order);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(ulong hash) => (int)(Mix(hash) & FeatureSpace.Mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong a, ulong b) => Mix((a * 0x9E37_79B9_7F4A_7C15UL) + b);

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the bucket bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58_476D_1CE4_E5B9UL;
        x ^= x >> 27;
        x *= 0x94D0_49BB_1331_11EBUL;
        x ^= x >> 31;
        return x;
    }
}
