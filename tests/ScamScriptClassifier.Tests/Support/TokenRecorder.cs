using ScamScriptClassifier.Text;

namespace ScamScriptClassifier.Tests.Support;

/// <summary>Records the tokenizer's output as two space-joined views, with "|" at boundaries and a leading '"' on quoted tokens.</summary>
internal struct TokenRecorder : ITokenSink
{
    private List<string>? _accented;
    private List<string>? _folded;
    private List<(int Start, int End)>? _spans;

    public readonly IReadOnlyList<(int Start, int End)> Spans => _spans ?? [];

    public void OnToken(ReadOnlySpan<char> accented, ReadOnlySpan<char> folded, int start, int end, bool quoted)
    {
        var mark = quoted ? "\"" : string.Empty;
        (_accented ??= []).Add(mark + accented.ToString());
        (_folded ??= []).Add(mark + folded.ToString());
        (_spans ??= []).Add((start, end));
    }

    public void OnBoundary()
    {
        if (_accented is { Count: > 0 } && _accented[^1] != "|")
        {
            _accented.Add("|");
            _folded!.Add("|");
        }
    }

    public static (string Accented, string Folded, IReadOnlyList<(int Start, int End)> Spans) Run(string text)
    {
        var recorder = new TokenRecorder();
        VietnameseTokenizer.Tokenize(text, ref recorder);
        return (Join(recorder._accented), Join(recorder._folded), recorder.Spans);
    }

    private static string Join(List<string>? tokens) =>
        tokens is null ? string.Empty : string.Join(' ', tokens).TrimEnd(' ', '|');
}
