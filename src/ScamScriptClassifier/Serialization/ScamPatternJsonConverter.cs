using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScamScriptClassifier;

/// <summary>Writes a <see cref="ScamPattern"/> as its wire name (<c>anti_state_threat</c>), as a value and as a dictionary key.</summary>
internal sealed class ScamPatternJsonConverter : JsonConverter<ScamPattern>
{
    public override ScamPattern Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()!) : throw new JsonException($"Expected a pattern name, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, ScamPattern value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWireName());

    public override ScamPattern ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ScamPattern value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToWireName());

    private static ScamPattern Parse(string name) =>
        ScamPatterns.TryParseWireName(name, out var pattern) ? pattern : throw new JsonException($"\"{name}\" is not a pattern name.");
}
