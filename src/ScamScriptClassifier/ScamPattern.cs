using System.Text.Json.Serialization;

namespace ScamScriptClassifier;

/// <summary>
/// The steps of the scam script that the model scores separately. In JSON, its wire name. Each has one row in the
/// library's pattern table (head, wire name, label column, report and warning phrases).
/// </summary>
[JsonConverter(typeof(ScamPatternJsonConverter))]
public enum ScamPattern
{
    /// <summary>The caller claims to be an official, an agency, the police or a carrier. Wire name <c>impersonation</c>.</summary>
    Impersonation,

    /// <summary>Accusations of posting against the Party and State, reactionary groups, drugs or money laundering; "invited to work"; prosecution; secrecy. Wire name <c>anti_state_threat</c>.</summary>
    AntiStateThreat,

    /// <summary>Threats to revoke or lock the subscription because its registration is "not standard". Wire name <c>subscription_revocation</c>.</summary>
    SubscriptionRevocation,

    /// <summary>Demands for money, fees, OTP codes, account data, app installs, links or new accounts. Wire name <c>money_transfer</c>.</summary>
    MoneyTransfer,
}

/// <summary>Wire names of <see cref="ScamPattern"/>, as used in model files, JSON output and training data.</summary>
public static class ScamPatterns
{
    /// <summary>Every pattern, in declaration order.</summary>
    public static IReadOnlyList<ScamPattern> All { get; } = [.. PatternTable.All.Select(row => row.Pattern)];

    /// <summary>The snake_case name: <c>impersonation</c>, <c>anti_state_threat</c>, <c>subscription_revocation</c>, <c>money_transfer</c>.</summary>
    public static string ToWireName(this ScamPattern pattern) => PatternTable.Of(pattern).WireName;

    /// <summary>Parses a wire name; false when it is not one of the patterns'.</summary>
    public static bool TryParseWireName(string name, out ScamPattern pattern)
    {
        foreach (var row in PatternTable.All)
        {
            if (row.WireName == name)
            {
                pattern = row.Pattern;
                return true;
            }
        }

        pattern = default;
        return false;
    }
}
