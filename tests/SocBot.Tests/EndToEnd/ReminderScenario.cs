using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Conversations;
using SocBot.State;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The bot installed in one Teams team with channels for Monitoring and SOC Oversight: the stage for reminder and
/// completion tests, which bind teams to channels directly and click the cards the bot posts.
/// </summary>
public sealed class ReminderScenario : TeamsScenario
{
    public const string TenantId = TeamsActivities.TenantId;
    public const string TeamsTeamId = "19:soc-team@thread.tacv2";
    public const string MonitoringChannel = "19:monitoring@thread.tacv2";
    public const string OversightChannel = "19:oversight@thread.tacv2";

    private int _invokes;

    private ReminderScenario(FakeTimeProvider time, TeamsConnectorStandIn connector, SocBotTestHost bot)
        : base(time, connector, bot)
    {
    }

    public TeamsConnectorStandIn Connector => Teams;

    public static Task<ReminderScenario> StartAsync(
        DateTimeOffset start,
        IDictionary<string, string?>? configuration = null,
        string? sqlitePath = null,
        Action<IServiceCollection>? overrideServices = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>());
        if (sqlitePath is not null)
        {
            settings["Storage:SqlitePath"] = sqlitePath;
        }

        return LaunchAsync(start, settings, (time, connector, bot) => new ReminderScenario(time, connector, bot), overrideServices);
    }

    /// <summary>Binds a SOC team to a channel as "link" would: the channel's reference (service URL) and the binding.</summary>
    public async Task BindAsync(string teamId, string channelId)
    {
        await Store.UpsertAsync(
            new ConversationReference(TenantId, channelId, "channel", Connector.ServiceUrl, TeamsTeamId, "SOC", channelId, teamId, TeamsActivities.BotId, Time.GetUtcNow()),
            CancellationToken.None);
        await Store.UpsertChannelBindingAsync(
            new TeamChannelBinding(TenantId, teamId, channelId, TeamsTeamId, teamId, new Actor("aad-admin", "Admin"), Time.GetUtcNow()),
            CancellationToken.None);
    }

    /// <summary>Clicks a card button as Teams sends it: an adaptiveCard/action invoke from a user in a channel.</summary>
    public async Task<JsonElement> ClickAsync(string channelId, string activityId, JsonElement actionData, string verb, (string Id, string Name, string Aad) user, IDictionary<string, string>? inputs = null, string? tenantId = null)
    {
        using var response = await SendClickAsync(channelId, activityId, actionData, verb, user, inputs, tenantId);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    /// <summary>The same click, answered as it is, for probes that must see a 5xx rather than stop at it.</summary>
    public Task<HttpResponseMessage> SendClickAsync(string channelId, string activityId, JsonElement actionData, string verb, (string Id, string Name, string Aad) user, IDictionary<string, string>? inputs = null, string? tenantId = null)
    {
        var data = JsonNode.Parse(actionData.GetRawText())!.AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = $"invoke-{Interlocked.Increment(ref _invokes)}",
            ["serviceUrl"] = Connector.ServiceUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.Aad },
            ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "SocBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = $"{channelId};messageid={activityId}",
                ["conversationType"] = "channel",
                ["isGroup"] = true,
                ["tenantId"] = tenantId ?? TenantId,
            },
            ["replyToId"] = activityId,
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = tenantId ?? TenantId },
                ["team"] = new JsonObject { ["id"] = TeamsTeamId },
                ["channel"] = new JsonObject { ["id"] = channelId },
            },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        return Bot.PostActivityAsync(activity.ToJsonString());
    }
}
