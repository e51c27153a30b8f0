namespace ScamScriptClassifier.Text;

/// <summary>
/// Abbreviations and teencode as people type them, keyed by their folded form (so "đc" and "dc" meet),
/// expanded into the syllables the model should see.
/// </summary>
internal static class Teencode
{
    internal sealed record Expansion(string[] Accented, string[] Folded, string? OnlyAfterFolded);

    private static readonly Dictionary<string, Expansion> Entries = Build();
    private static readonly int LongestKey = Entries.Keys.Max(k => k.Length);

    private static readonly Dictionary<ulong, (string Key, Expansion Expansion)> ByHash =
        Entries.ToDictionary(e => TokenHash.Of(e.Key), e => (e.Key, e.Value));

    /// <summary>One bit per slot of the keys' hashes: almost every word is ruled out by a single load, before any dictionary lookup.</summary>
    private static readonly ulong[] Filter = BuildFilter();

    public static bool TryExpand(ReadOnlySpan<char> folded, out Expansion expansion)
    {
        if (folded.Length <= LongestKey)
        {
            var hash = TokenHash.Of(folded);
            if ((Filter[FilterSlot(hash) >> 6] & (1UL << FilterSlot(hash))) != 0
                && ByHash.TryGetValue(hash, out var entry) && folded.SequenceEqual(entry.Key))
            {
                expansion = entry.Expansion;
                return true;
            }
        }

        expansion = null!;
        return false;
    }

    private static int FilterSlot(ulong hash) => (int)(hash >> 52);

    private static ulong[] BuildFilter()
    {
        var filter = new ulong[(1 << 12) / 64];
        foreach (var hash in ByHash.Keys)
        {
            filter[FilterSlot(hash) >> 6] |= 1UL << FilterSlot(hash);
        }

        return filter;
    }

    private static Dictionary<string, Expansion> Build()
    {
        var map = new Dictionary<string, Expansion>(StringComparer.Ordinal);
        void Add(string expansion, params string[] keys)
        {
            var accented = expansion.Split(' ');
            var folded = new string[accented.Length];
            for (var i = 0; i < accented.Length; i++)
            {
                folded[i] = FoldWord(accented[i]);
            }

            foreach (var key in keys)
            {
                map[key] = new Expansion(accented, folded, null);
            }
        }

        Add("chuyển khoản", "ck", "chuyenkhoan");
        Add("tài khoản", "tk", "tkhoan");
        Add("số tài khoản", "stk");
        Add("số điện thoại", "sdt", "sđt");
        Add("điện thoại", "dt", "dthoai");
        Add("không", "ko", "k", "kh", "hok", "hong", "hem", "kg", "khong", "k0", "kô", "khg");
        Add("được", "dc", "đc", "duoc", "dx");
        Add("bao nhiêu", "bn", "bnhieu");
        Add("gì", "j", "ji", "gi");
        Add("với", "vs", "voi");
        Add("rồi", "r", "roi", "rui");
        Add("mình", "mk", "mik", "mjk", "minh");
        Add("như thế nào", "ntn");
        Add("trước", "trc");
        Add("nhắn tin", "nt");
        Add("người", "ng", "nguoi");
        Add("thông tin truyền thông", "tttt", "tt-tt", "tt&tt", "ttvtt", "tt&amp;tt");
        Add("cộng tác viên", "ctv");
        Add("bộ công an", "bca");
        Add("công an nhân dân", "cand");
        Add("vietcombank", "vcb");
        Add("techcombank", "tcb");
        Add("vietinbank", "ctg", "vtb");
        Add("agribank", "agr");
        Add("facebook", "fb", "face", "phây");
        Add("zalo", "zl", "zalo");
        Add("vậy", "z", "v", "zay", "vay");
        Add("vào", "vao", "dzo", "zo", "vô");
        Add("nhiều", "nhìu", "nhiu");
        Add("biết", "bit", "bik", "bjk");
        Add("chị", "chj");
        Add("anh", "ah");
        Add("phó giám đốc", "pgđ", "pgd");

        // "Sở TT" is the department, but "tt" alone is just as often "thanh toán".
        map["tt"] = new Expansion(["thông", "tin", "truyền", "thông"], ["thong", "tin", "truyen", "thong"], OnlyAfterFolded: "so");

        // Keys are folded here too, so a key written with diacritics still matches folded input.
        var folded = new Dictionary<string, Expansion>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            folded[FoldWord(key)] = value;
        }

        // Words that fold onto a key but are ordinary Vietnamese must not be rewritten.
        foreach (var word in new[] { "gi", "vay", "voi", "minh", "roi", "vao", "duoc", "khong", "nguoi", "gd", "bit", "v", "face" })
        {
            folded.Remove(word);
        }

        return folded;
    }

    internal static string FoldWord(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            buffer[i] = VietnameseAlphabet.Fold(word[i]);
        }

        return new string(buffer);
    }
}
