namespace ScamScriptClassifier.Text;

/// <summary>FNV-1a over UTF-16 code units: stable across processes and platforms, unlike string.GetHashCode.</summary>
internal static class Fnv1a
{
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 0xCBF2_9CE4_8422_2325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x0000_0100_0000_01B3UL;
        }

        return hash;
    }
}
