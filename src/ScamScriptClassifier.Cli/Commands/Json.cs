using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScamScriptClassifier.Cli.Commands;

internal static class Json
{
    /// <summary>camelCase, and Vietnamese written as itself rather than \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
