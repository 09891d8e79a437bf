using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reports;

/// <summary>
/// People speaking to the bot in SOC channels and chats, starting on Monday 5 January 2026 at 09:00 UTC, with an admin
/// unless a test asks for none; the connector's answers come from <see cref="TeamsConnectorStandIn"/>.
/// </summary>
public sealed class CommandScenario : TeamsScenario
{
    public const string TenantId = TeamsActivities.TenantId;

    /// <summary>Monday of ISO week 2 2026, the default catalog's reminder time (UTC).</summary>
    public static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Each message moves the clock on this much, so the connector's pacing never has to wait on the frozen clock.</summary>
    private static readonly TimeSpan PerMessage = TimeSpan.FromSeconds(3);

    private int _nextMessage;

    private CommandScenario(FakeTimeProvider time, TeamsConnectorStandIn connector, SocBotTestHost bot)
        : base(time, connector, bot)
    {
    }

    /// <summary>The loopback connector with every request the bot sent it.</summary>
    public LoopbackServer Connector => Teams.Server;

    /// <summary>The same connector as Teams: its teams, channels and upload sessions.</summary>
    public TeamsConnectorStandIn TeamsService => Teams;

    /// <summary>Card posts that started a channel thread (POST /v3/conversations).</summary>
    public IReadOnlyList<RecordedRequest> CreatedThreads => Connector.Requests.Where(r => r.Method == "POST" && r.PathAndQuery == "/v3/conversations").ToList();

    public IReadOnlyList<RecordedRequest> Updates => Teams.Updates;

    public static Task<CommandScenario> StartAsync(bool withAdmin = true, IDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>());
        if (withAdmin)
        {
            settings["SocBot:AdminObjectIds:0"] = Speaker.Admin.AadObjectId;
        }

        return LaunchAsync(Monday0900, settings, (time, connector, bot) =>
        {
            connector.AddTeam(
                SocChannels.TeamsTeamId,
                SocChannels.TeamsTeamName,
                (SocChannels.TeamsTeamId, null),
                (SocChannels.Oversight, SocChannels.Name(SocChannels.Oversight)),
                (SocChannels.Monitoring, SocChannels.Name(SocChannels.Monitoring)),
                (SocChannels.Csirt, SocChannels.Name(SocChannels.Csirt)));
            return new CommandScenario(time, connector, bot);
        });
    }

    /// <summary>Says <paramref name="text"/> (after @SocBot) in a channel, answers 200, and returns the text of the bot's one reply.</summary>
    public async Task<string> SayInChannelAsync(Speaker speaker, string channelId, string text) =>
        (await SayAsync(ChannelMessage(speaker, channelId, text, NextMessageId()))).GetProperty("text").GetString()!;

    /// <summary>Says <paramref name="text"/> in the speaker's personal chat with the bot and returns the reply's text.</summary>
    public async Task<string> SayInChatAsync(Speaker speaker, string text) =>
        (await SayAsync(PersonalMessage(speaker, text, NextMessageId()))).GetProperty("text").GetString()!;

    /// <summary>Says <paramref name="text"/> in a channel and returns the bot's one reply activity as Teams received it.</summary>
    public Task<JsonElement> SayInChannelForReplyAsync(Speaker speaker, string channelId, string text) =>
        SayAsync(ChannelMessage(speaker, channelId, text, NextMessageId()));

    /// <summary>Says <paramref name="text"/> in the speaker's personal chat and returns the bot's one reply activity.</summary>
    public Task<JsonElement> SayInChatForReplyAsync(Speaker speaker, string text) =>
        SayAsync(PersonalMessage(speaker, text, NextMessageId()));

    /// <summary>Sends an invoke from the speaker's personal chat (as Teams does when a card in it is used) and returns the HTTP answer.</summary>
    public async Task<HttpResponseMessage> InvokeInChatAsync(Speaker speaker, string name, JsonObject value, string replyToId)
    {
        Time.Advance(PerMessage);
        var activity = PersonalMessage(speaker, string.Empty, NextMessageId());
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        activity.Remove("text");
        return await Bot.PostActivityAsync(activity.ToJsonString());
    }

    /// <summary>The bot being added to the SOC team, as Teams announces it in the team's General channel.</summary>
    public async Task<HttpResponseMessage> InstallInTeamAsync(Speaker by)
    {
        var activity = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = $"f:{NextMessageId()}",
            ["serviceUrl"] = Connector.BaseUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = From(by),
            ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "SocBot" },
            ["conversation"] = new JsonObject { ["id"] = SocChannels.TeamsTeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TenantId },
                ["team"] = new JsonObject { ["id"] = SocChannels.TeamsTeamId, ["name"] = SocChannels.TeamsTeamName },
                ["eventType"] = "teamMemberAdded",
            },
        };
        return await Bot.PostActivityAsync(activity.ToJsonString());
    }

    /// <summary>Links each channel to the team of the same name, as the admin.</summary>
    public async Task LinkAsync(params (string ChannelId, string TeamId)[] links)
    {
        foreach (var (channelId, teamId) in links)
        {
            var reply = await SayInChannelAsync(Speaker.Admin, channelId, $"link {teamId}");
            Assert.StartsWith("Linked", reply, StringComparison.Ordinal);
        }
    }

    /// <summary>The list lines ("- ...") of a markdown reply.</summary>
    public static List<string> Lines(string reply) =>
        reply.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

    private async Task<JsonElement> SayAsync(JsonObject activity)
    {
        Time.Advance(PerMessage);
        var before = Connector.Requests.Count;
        using var response = await Bot.PostActivityAsync(activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
        var replyPath = $"/v3/conversations/{conversation}/activities/{activity["id"]!.GetValue<string>()}";
        var reply = Assert.Single(Connector.Requests.Skip(before), r => r.Method == "POST" && r.PathAndQuery == replyPath);
        return reply.Json;
    }

    private string NextMessageId() => $"17000000{Interlocked.Increment(ref _nextMessage):D5}";

    private JsonObject ChannelMessage(Speaker speaker, string channelId, string text, string messageId) => new()
    {
        ["type"] = "message",
        ["id"] = messageId,
        ["serviceUrl"] = Connector.BaseUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = From(speaker),
        ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "SocBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = $"{channelId};messageid={messageId}",
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        },
        ["text"] = $"<at>SocBot</at> {text}",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SocBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "SocBot" },
        }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = SocChannels.TeamsTeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        },
    };

    private JsonObject PersonalMessage(Speaker speaker, string text, string messageId) => new()
    {
        ["type"] = "message",
        ["id"] = messageId,
        ["serviceUrl"] = Connector.BaseUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = From(speaker),
        ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "SocBot" },
        ["conversation"] = new JsonObject { ["id"] = SocChannels.Personal(speaker), ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    private static JsonObject From(Speaker speaker) =>
        new() { ["id"] = speaker.Id, ["name"] = speaker.Name, ["aadObjectId"] = speaker.AadObjectId };
}
