using System.Text.Json;
using System.Text.Json.Nodes;
using ScamScriptClassifier.Cli.Commands;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Api;

/// <summary>One wire format: a service that returns a <see cref="ScamAssessment"/> writes what <c>scamscript score</c> writes.</summary>
public class WireFormatTests
{
    private static readonly JsonSerializerOptions WebDefaults = new(JsonSerializerDefaults.Web);

    private static ScamAssessment Flagged { get; } = ScamClassifier.LoadDefault().Score(Some.ScamScript);

    [Fact]
    public void ScamAssessment_WebDefaults_WritesWireNamesAndStrings()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Flagged, WebDefaults))!.AsObject();

        Assert.Equal(["probability", "isScam", "verdict", "patterns", "evidence"], json.Select(p => p.Key));
        Assert.Equal("LikelyScam", json["verdict"]!.GetValue<string>());
        Assert.Equal(["impersonation", "anti_state_threat", "subscription_revocation", "money_transfer"], json["patterns"]!.AsObject().Select(p => p.Key));
        var evidence = json["evidence"]!.AsArray();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e =>
        {
            Assert.Equal(["text", "start", "length", "pattern"], e!.AsObject().Select(p => p.Key));
            Assert.True(ScamPatterns.TryParseWireName(e["pattern"]!.GetValue<string>(), out _));
        });
    }

    [Fact]
    public void ScamAssessment_WebDefaults_EqualsTheCliRecordWithoutItsId()
    {
        using var stream = new MemoryStream();
        ScoreCommand.WriteAssessment(stream, "x", Flagged);
        var cli = JsonNode.Parse(stream.ToArray())!.AsObject();
        cli.Remove("id");

        var service = JsonNode.Parse(JsonSerializer.Serialize(Flagged, WebDefaults));

        Assert.True(JsonNode.DeepEquals(cli, service), $"CLI: {cli.ToJsonString()}\nservice: {service!.ToJsonString()}");
    }

    [Fact]
    public void ScamScriptJsonContext_ScamAssessment_WritesWhatReflectionWrites()
    {
        var generated = JsonSerializer.Serialize(Flagged, ScamScriptJsonContext.Default.ScamAssessment);

        Assert.Equal(JsonSerializer.Serialize(Flagged, WebDefaults), generated);
    }

    [Fact]
    public void ScamScriptJsonContext_ScamAssessment_RoundTripsEverythingButEvidenceWeights()
    {
        var json = JsonSerializer.Serialize(Flagged, ScamScriptJsonContext.Default.ScamAssessment);

        var read = JsonSerializer.Deserialize(json, ScamScriptJsonContext.Default.ScamAssessment)!;

        Assert.Equal((Flagged.Probability, Flagged.IsScam, Flagged.Verdict), (read.Probability, read.IsScam, read.Verdict));
        Assert.Equal(Flagged.Patterns.OrderBy(p => p.Key), read.Patterns.OrderBy(p => p.Key));
        Assert.Equal(Flagged.Evidence.Select(e => e with { Weight = 0 }), read.Evidence);
    }

    [Fact]
    public void ScamScriptJsonContext_UnknownPatternName_IsRefused()
    {
        const string json = """{"probability":0.9,"isScam":true,"verdict":"LikelyScam","patterns":{"lottery":0.9},"evidence":[]}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ScamScriptJsonContext.Default.ScamAssessment));
    }
}
