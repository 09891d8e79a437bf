using System.Text.Json;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;

namespace SocBot.Protocol.Tests.Teams;

public sealed class TeamsActivityExtensionsTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;

    [Fact]
    public void GetTextWithoutBotMention_StripsOnlyTheBotsMention()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>SocBot</at> who owns <at>Ada</at>'s task?","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>SocBot</at>","mentioned":{"id":"28:bot","name":"SocBot"}},
                         {"type":"mention","text":"<at>Ada</at>","mentioned":{"id":"29:ada","name":"Ada"}}]}
            """);

        Assert.Equal("who owns <at>Ada</at>'s task?", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void GetTextWithoutBotMention_EntityWithoutText_UsesTheName()
    {
        var activity = Parse("""
            {"type":"message","text":"<AT>SocBot</AT>&nbsp;status","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"SocBot"}}]}
            """);

        Assert.Equal("status", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void GetTeamsChannelData_ReadsTeamChannelTenantAndKeepsUnknownFields()
    {
        var activity = Parse("""
            {"type":"conversationUpdate","channelData":{"tenant":{"id":"t1"},"team":{"id":"19:t","name":"SOC","aadGroupId":"g"},
             "channel":{"id":"19:c"},"eventType":"channelCreated","futureField":{"x":1}}}
            """);

        var data = activity.GetTeamsChannelData();

        Assert.Equal("t1", data.Tenant?.Id);
        Assert.Equal("g", data.Team?.AadGroupId);
        Assert.Equal("19:c", data.Channel?.Id);
        Assert.Equal("channelCreated", data.EventType);
        Assert.Equal(1, data.Properties!["futureField"].GetProperty("x").GetInt32());
        Assert.Equal("t1", activity.GetTenantId());
    }

    [Fact]
    public void Activity_RoundTrip_KeepsUnknownFieldsAndRawValues()
    {
        const string json = """{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"verb":"complete","data":{"k":"v"}}},"brandNew":[1,2]}""";

        var activity = Parse(json);
        using var again = JsonDocument.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity));

        Assert.Equal("v", again.RootElement.GetProperty("value").GetProperty("action").GetProperty("data").GetProperty("k").GetString());
        Assert.Equal(2, again.RootElement.GetProperty("brandNew").GetArrayLength());
    }

    [Fact]
    public void GetTeamsChannelData_NotAnObject_IsEmpty()
    {
        Assert.Null(Parse("""{"type":"message","channelData":"weird"}""").GetTeamsChannelData().Tenant);
    }
}
