namespace ScamScriptClassifier;

/// <summary>The one place that spells the wire names of <see cref="MessageKind"/> (<c>sms</c>, <c>transcript</c>, <c>asr</c>).</summary>
internal static class MessageKinds
{
    private static readonly (MessageKind Kind, string WireName)[] Table =
    [
        (MessageKind.Sms, "sms"),
        (MessageKind.Transcript, "transcript"),
        (MessageKind.Asr, "asr"),
    ];

    /// <summary>Every wire name, in declaration order.</summary>
    public static IEnumerable<string> WireNames => Table.Select(row => row.WireName);

    /// <summary>The wire name of <paramref name="kind"/>, as data files and reports spell it.</summary>
    public static string ToWireName(this MessageKind kind)
    {
        foreach (var row in Table)
        {
            if (row.Kind == kind)
            {
                return row.WireName;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a message kind.");
    }

    /// <summary>The kind whose wire name is <paramref name="wireName"/> (exact, lower case).</summary>
    public static bool TryParseWireName(string? wireName, out MessageKind kind)
    {
        foreach (var row in Table)
        {
            if (row.WireName == wireName)
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
