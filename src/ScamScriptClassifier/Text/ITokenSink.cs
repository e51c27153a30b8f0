namespace ScamScriptClassifier.Text;

/// <summary>Receives the tokens of a text, in order. Implemented by structs so the scan is not virtual.</summary>
internal interface ITokenSink
{
    /// <summary>
    /// One token in two views: <paramref name="accented"/> (lower case, NFC) and <paramref name="folded"/>
    /// (lower case, no diacritics). <paramref name="start"/> and <paramref name="end"/> are offsets into the
    /// caller's original text; the tokens of one teencode expansion share them. <paramref name="quoted"/> is true
    /// inside quotation marks: a warning that quotes the script is not the script.
    /// </summary>
    void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted);

    /// <summary>A sentence or speaker-turn boundary: n-grams do not cross it.</summary>
    void OnBoundary();
}
