using System.Text.Json.Nodes;

namespace SocBot.Tests.EndToEnd;

/// <summary>Activities shaped as Teams sends them (see TestData for captured examples), addressed to a given service URL.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string ChannelId = "19:soc-monitoring@thread.tacv2";

    public static JsonObject ChannelMessage(Uri serviceUrl, string text, string? tenantId = null) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["timestamp"] = "2026-01-05T09:00:00.000Z",
        ["serviceUrl"] = serviceUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:ada", ["name"] = "Ada Lovelace", ["aadObjectId"] = "aad-ada" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SocBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = $"{ChannelId};messageid=1700000000001",
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = tenantId ?? TenantId,
        },
        ["text"] = $"<at>SocBot</at> {text}",
        ["textFormat"] = "plain",
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>SocBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "SocBot" },
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["timezone"] = "Europe/London" }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = tenantId ?? TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "SOC" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Monitoring" },
            ["teamsTeamId"] = TeamId,
        },
        ["locale"] = "en-GB",
    };

    public static JsonObject PersonalMessage(Uri serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000002",
        ["serviceUrl"] = serviceUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:grace", ["name"] = "Grace Hopper", ["aadObjectId"] = "aad-grace" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SocBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-grace", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static JsonObject BotAddedToTeam(Uri serviceUrl) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:install-1",
        ["serviceUrl"] = serviceUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:ada", ["aadObjectId"] = "aad-ada" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SocBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = ChannelId,
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "SOC", ["aadGroupId"] = "group-1" },
            ["eventType"] = "teamMemberAdded",
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = ChannelId } },
        },
    };

    public static JsonObject BotRemovedFromTeam(Uri serviceUrl)
    {
        var activity = BotAddedToTeam(serviceUrl);
        activity.Remove("membersAdded");
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = "teamMemberRemoved";
        activity["conversation"]!["id"] = TeamId;
        return activity;
    }
}
