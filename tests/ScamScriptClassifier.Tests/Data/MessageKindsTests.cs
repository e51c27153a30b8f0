namespace ScamScriptClassifier.Tests.Data;

/// <summary>The wire names of <see cref="MessageKind"/>, spelled in one place, round-trip and are what data files use.</summary>
public sealed class MessageKindsTests
{
    [Fact]
    public void EveryKind_HasAWireNameThatParsesBack()
    {
        Assert.Equal(["sms", "transcript", "asr"], Enum.GetValues<MessageKind>().Select(k => k.ToWireName()));
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            Assert.True(MessageKinds.TryParseWireName(kind.ToWireName(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.False(MessageKinds.TryParseWireName("SMS", out _));
    }
}
