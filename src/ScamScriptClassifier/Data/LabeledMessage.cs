namespace ScamScriptClassifier;

/// <summary>How a text reached us; metrics are broken down by it.</summary>
public enum MessageKind
{
    /// <summary>SMS, chat message or notification. Wire name <c>sms</c>.</summary>
    Sms,

    /// <summary>A human-written call transcript with speaker turns. Wire name <c>transcript</c>.</summary>
    Transcript,

    /// <summary>Speech-recogniser output: lower case, no punctuation. Wire name <c>asr</c>.</summary>
    Asr,
}

/// <summary>One labelled training or evaluation item.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Text">The message or transcript.</param>
/// <param name="IsScam">True for label <c>scam</c>, false for <c>legit</c>.</param>
/// <param name="Patterns">The patterns the text shows (empty for legit items).</param>
/// <param name="Kind">SMS, transcript or ASR output.</param>
/// <param name="Family">
/// Items written as variants of one another share a family; a family never straddles the train/test split.
/// Null: the item is its own family.
/// </param>
/// <param name="IsOtherScam">The category list holds <c>other</c>: an impersonation scam outside the four patterns.</param>
/// <param name="Sender">
/// Optional: the kind of organisation that sent the item (legit) or that it imitates (scam), such as <c>otp</c>,
/// <c>bank</c> or <c>carrier</c>. Evaluation breaks false-positive rates down by it; it is never a feature.
/// </param>
public sealed record LabeledMessage(
    string Id,
    string Text,
    bool IsScam,
    IReadOnlyList<ScamPattern> Patterns,
    MessageKind Kind,
    string? Family = null,
    bool IsOtherScam = false,
    string? Sender = null)
{
    internal string FamilyKey => Family ?? Id;
}
