using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScamScriptClassifier;

/// <summary>
/// Source-generated System.Text.Json metadata for the library's results, with the web defaults (camelCase): the wire
/// format of <c>scamscript score</c>, for services that are trimmed or compiled ahead of time. Reflection-based
/// serialisation with <see cref="JsonSerializerDefaults.Web"/> writes the same JSON.
/// </summary>
/// <example>
/// <code>builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ScamScriptJsonContext.Default));</code>
/// </example>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ScamAssessment))]
[JsonSerializable(typeof(ScamBatchResult))]
[JsonSerializable(typeof(ScamWarning))]
public sealed partial class ScamScriptJsonContext : JsonSerializerContext;
