namespace ScamScriptClassifier.Text;

/// <summary>The tokens that stand for a recognised entity, so the model learns "a phone number", not one number.</summary>
internal static class Placeholders
{
    public const string Phone = "<phone>";
    public const string Money = "<money>";
    public const string Account = "<account>";
    public const string Url = "<url>";
    public const string Otp = "<otp>";
    public const string Number = "<num>";
}
