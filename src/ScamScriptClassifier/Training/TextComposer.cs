using System.Text;

namespace ScamScriptClassifier.Training;

/// <summary>
/// Augmentation for the aggregator: long and odd texts built from corpus items, with labels that follow from their
/// parts. Legit joined to legit is legit; a scam placed anywhere among legit items is a scam; an item repeated is
/// still itself; short greeting turns around an item change nothing. The items are written texts of ordinary
/// length, so without these the aggregator would never see a long call, a day of chat or a lone "Alo".
/// </summary>
internal static class TextComposer
{
    private const int MaxLength = 24_000;
    private const int ShortLength = 40;
    private static readonly int[] Parts = [2, 2, 3, 3, 4, 5, 6, 8, 12, 20, 40];
    private static readonly string[] Separators = ["\n", "\n", " ", ". "];

    /// <summary>About one composed text per item, deterministic for a seed.</summary>
    public static List<(string Text, bool IsScam)> Compose(IReadOnlyList<LabeledMessage> items, int seed)
    {
        var random = new Random(seed);
        var legit = items.Where(i => !i.IsScam).Select(i => i.Text).ToList();
        var scams = items.Where(i => i.IsScam).Select(i => i.Text).ToList();
        var shorts = legit.Where(t => t.Length <= ShortLength).ToList();
        var composed = new List<(string, bool)>(items.Count);
        if (legit.Count == 0 || scams.Count == 0)
        {
            return composed;
        }

        for (var k = 0; k < items.Count; k++)
        {
            var separator = Separators[random.Next(Separators.Length)];
            var parts = Parts[random.Next(Parts.Length)];
            switch (k % 8)
            {
                case 5 or 6 or 7:
                    // A call so far: the first turns of a transcript. Of a legit call, always legit; of a scam, only
                    // once most of it has been said.
                    var call = items[random.Next(items.Count)];
                    var lines = call.Text.Split('\n');
                    if (lines.Length < 3)
                    {
                        goto default;
                    }

                    // A live call is scored after every turn, so short prefixes (a greeting, an introduction) are the
                    // most common: their lengths are drawn skewed towards the first turns.
                    var take = call.IsScam ? random.Next((lines.Length + 1) / 2 + 1, lines.Length + 1) : 1 + random.Next(random.Next(1, lines.Length));
                    composed.Add((string.Join('\n', lines.Take(take)), call.IsScam));
                    break;
                case 0:
                    // As long as the texts hiding a scam below, so length alone tells nothing.
                    composed.Add((Join(Pick(legit, 2 * parts, random), separator), false));
                    break;
                case 1:
                    // Scams hidden in long texts are what composition alone can teach: twice the parts here.
                    var around = Fit(Pick(legit, (2 * parts) - 1, random), MaxLength - 2_000);
                    around.Insert(random.Next(around.Count + 1), scams[random.Next(scams.Count)]);
                    composed.Add((Join(around, separator), true));
                    break;
                case 2:
                    var isScam = random.Next(2) == 0;
                    var source = isScam ? scams : legit;
                    var item = source[random.Next(source.Count)];
                    composed.Add((Join(Enumerable.Repeat(item, random.Next(2, 21)).ToList(), separator), isScam));
                    break;
                case 3:
                    var withGreetings = random.Next(2) == 0;
                    var pool = withGreetings ? scams : legit;
                    var turns = Pick(shorts.Count > 0 ? shorts : legit, random.Next(1, 4), random);
                    turns.Insert(random.Next(turns.Count + 1), pool[random.Next(pool.Count)]);
                    composed.Add((Join(turns, "\n"), withGreetings));
                    break;
                default:
                    var chat = new List<string>();
                    for (var p = 0; p < parts; p++)
                    {
                        chat.Add(legit[random.Next(legit.Count)]);
                        if (shorts.Count > 0)
                        {
                            chat.Add(shorts[random.Next(shorts.Count)]);
                        }
                    }

                    composed.Add((Join(chat, "\n"), false));
                    break;
            }
        }

        return composed;
    }

    /// <summary>Drops parts from the end until they fit in <paramref name="length"/> characters, so an item added later is never cut off.</summary>
    private static List<string> Fit(List<string> parts, int length)
    {
        while (parts.Count > 1 && parts.Sum(p => p.Length + 1) > length)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    private static List<string> Pick(List<string> pool, int count, Random random)
    {
        var picked = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            picked.Add(pool[random.Next(pool.Count)]);
        }

        return picked;
    }

    private static string Join(List<string> parts, string separator)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0 && text.Length + separator.Length + part.Length > MaxLength)
            {
                break;
            }

            if (text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(part);
        }

        return text.ToString();
    }
}
