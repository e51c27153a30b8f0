using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScamScriptClassifier.Scoring;

/// <summary>
/// Local evidence: every run of consecutive segments of up to <see cref="RangeTokens"/> tokens (and at least
/// <see cref="MinRangeTokens"/>) is scored by every head, from the sums of its segments, and the best run per head
/// is kept with its span. A scam paragraph therefore scores the same alone or inside a long call. Also keeps the
/// whole text's sums. Each new segment costs at most <see cref="RangeSegments"/> vector additions.
/// </summary>
internal struct RangeTracker
{
    /// <summary>The longest run scored, in tokens: about the length of a long SMS or a short call.</summary>
    public const int RangeTokens = 192;

    /// <summary>Runs shorter than this are not scored on their own: one word is not evidence.</summary>
    public const int MinRangeTokens = 32;

    /// <summary>The most segments one run spans.</summary>
    public const int RangeSegments = 32;

    private readonly LinearHeads _heads;
    private SumRing _sums;
    private IntRing _tokens, _starts, _ends;
    private HeadInts _bestStart, _bestEnd;
    private Vector256<float> _best;
    private Vector256<float> _whole;
    private bool _hasRange;

    public RangeTracker(LinearHeads heads)
    {
        _heads = heads;
        _best = Vector256.Create(float.NegativeInfinity);
    }

    /// <summary>Segments added (repeats are not added).</summary>
    public int Segments { get; private set; }

    /// <summary>Tokens in the added segments.</summary>
    public int Tokens { get; private set; }

    /// <summary>Runs scored.</summary>
    public int Ranges { get; private set; }

    /// <summary>Runs whose scam margin was positive.</summary>
    public int PositiveRanges { get; private set; }

    /// <summary>Tokens in the best scam run.</summary>
    public int BestScamTokens { get; private set; }

    public void Add(Vector256<float> sums, int tokens, int start, int end)
    {
        var slot = Segments % RangeSegments;
        _sums[slot] = sums;
        _tokens[slot] = tokens;
        _starts[slot] = start;
        _ends[slot] = end;
        Segments++;
        Tokens += tokens;
        _whole += sums;

        var run = Vector256<float>.Zero;
        var runTokens = 0;
        var available = Math.Min(Segments, RangeSegments);
        for (var back = 0; back < available; back++)
        {
            var i = (Segments - 1 - back) % RangeSegments;
            run += _sums[i];
            runTokens += _tokens[i];
            if (runTokens > RangeTokens && back > 0)
            {
                break;
            }

            if (runTokens < MinRangeTokens)
            {
                continue;
            }

            var margins = _heads.Margins(run);
            Ranges++;
            if (margins.GetElement(LinearHeads.Scam) > 0)
            {
                PositiveRanges++;
            }

            if (Vector256.GreaterThanAny(margins, _best))
            {
                for (var head = 0; head < LinearHeads.Count; head++)
                {
                    if (margins.GetElement(head) > _best.GetElement(head))
                    {
                        _best = _best.WithElement(head, margins.GetElement(head));
                        _bestStart[head] = _starts[i];
                        _bestEnd[head] = end;
                        if (head == LinearHeads.Scam)
                        {
                            BestScamTokens = runTokens;
                        }
                    }
                }
            }

            _hasRange = true;
        }
    }

    /// <summary>Every head's margin over the whole text.</summary>
    public readonly Vector256<float> WholeMargins => _heads.Margins(_whole);

    /// <summary>
    /// Every head's local margin: its best run's in a text longer than <see cref="RangeTokens"/>, the whole text's
    /// in a shorter one, which is then scored exactly as the heads were trained.
    /// </summary>
    public readonly Vector256<float> BestMargins => IsLong ? _best : WholeMargins;

    /// <summary>Where a head's best run lies in the text: [start, end); (-1, -1) when the whole text counts.</summary>
    public readonly (int Start, int End) BestSpan(int head) => IsLong ? (_bestStart[head], _bestEnd[head]) : (-1, -1);

    /// <summary>The text is longer than one run: its runs, not the whole text, carry the local evidence.</summary>
    public readonly bool IsLong => _hasRange && Tokens > RangeTokens;

    [InlineArray(RangeSegments)]
    private struct SumRing
    {
        private Vector256<float> _first;
    }

    [InlineArray(RangeSegments)]
    private struct IntRing
    {
        private int _first;
    }

    [InlineArray(LinearHeads.Count)]
    private struct HeadInts
    {
        private int _first;
    }
}
