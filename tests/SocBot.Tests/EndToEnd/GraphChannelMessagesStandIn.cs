using System.Text.Json.Nodes;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// A loopback Microsoft Graph answering GET /v1.0/teams/{group-id}/channels/{channel-id}/messages as Graph does: chatMessage
/// objects under "value", pages linked by an absolute "@odata.nextLink", each attachment's card as a JSON string. The channel
/// holds what the Teams stand-in was asked to post there (sent by the bot's app id), newest first, with a person's
/// message quoting the same card on top.
/// </summary>
public sealed class GraphChannelMessagesStandIn : IAsyncDisposable
{
    public const string GroupId = "00000000-0000-0000-0000-0000000000aa";
    public const int PageSize = 1;

    private readonly TeamsConnectorStandIn _teams;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _dropped = new(StringComparer.Ordinal);

    private GraphChannelMessagesStandIn(LoopbackServer server, TeamsConnectorStandIn teams)
    {
        Server = server;
        _teams = teams;
        server.SetDefault(Respond);
    }

    public LoopbackServer Server { get; }

    /// <summary>When set, every request is answered with this status and Graph's error body.</summary>
    public int? FailWith { get; set; }

    public IReadOnlyList<RecordedRequest> MessageReads => Server.Requests.Where(r => Uri.UnescapeDataString(r.PathAndQuery).Contains("/messages", StringComparison.Ordinal)).ToList();

    /// <summary>Serves <paramref name="teams"/>' channels from <paramref name="server"/>, started before the bot so its address can be configured.</summary>
    public static GraphChannelMessagesStandIn Serve(LoopbackServer server, TeamsConnectorStandIn teams) => new(server, teams);

    /// <summary>The channel no longer shows this message: Teams lost what its gateway had accepted.</summary>
    public void Drop(string activityId) => _dropped[activityId] = true;

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private LoopbackResponse Respond(RecordedRequest request)
    {
        if (FailWith is { } status)
        {
            return LoopbackResponse.Json(status, """{"error":{"code":"Forbidden","message":"Missing role permissions on the request. API requires one of 'ChannelMessage.Read.All'."}}""");
        }

        var path = Uri.UnescapeDataString(request.PathAndQuery.Split('?')[0]);
        var prefix = $"/v1.0/teams/{GroupId}/channels/";
        if (request.Method != "GET" || !path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith("/messages", StringComparison.Ordinal))
        {
            return LoopbackResponse.Json(404, """{"error":{"code":"NotFound","message":"Resource not found"}}""");
        }

        var channelId = path[prefix.Length..^"/messages".Length];
        var messages = Messages(channelId);
        var query = request.PathAndQuery.Contains('?', StringComparison.Ordinal) ? request.PathAndQuery[(request.PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var skip = query.Split('&').Where(p => p.StartsWith("$skiptoken=", StringComparison.Ordinal) || p.StartsWith("%24skiptoken=", StringComparison.Ordinal))
            .Select(p => int.Parse(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var page = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#teams('{GroupId}')/channels('{channelId}')/messages",
            ["@odata.count"] = messages.Count,
            ["value"] = new JsonArray(messages.Skip(skip).Take(PageSize).Select(m => (JsonNode)m.DeepClone()).ToArray()),
        };
        if (skip + PageSize < messages.Count)
        {
            page["@odata.nextLink"] = new Uri(Server.BaseUrl, $"v1.0/teams/{GroupId}/channels/{Uri.EscapeDataString(channelId)}/messages?$top=50&$skiptoken={skip + PageSize}").AbsoluteUri;
        }

        return LoopbackResponse.Json(200, page.ToJsonString());
    }

    private List<JsonObject> Messages(string channelId)
    {
        var posted = _teams.CreatedThreads.Where(t => t.ChannelId == channelId && !_dropped.ContainsKey(t.ActivityId)).Reverse().ToList();
        var fromBot = new JsonObject
        {
            ["application"] = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.teamworkApplicationIdentity",
                ["id"] = TeamsActivities.BotId[3..],
                ["displayName"] = "SocBot",
                ["applicationIdentityType"] = "bot",
            },
            ["device"] = null,
            ["user"] = null,
        };
        var messages = posted.Select(t => Message(t.ActivityId, channelId, fromBot, t.Activity.GetProperty("attachments")[0].GetProperty("content").GetRawText())).ToList();
        if (posted.Count > 0)
        {
            var person = new JsonObject
            {
                ["application"] = null,
                ["device"] = null,
                ["user"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.teamworkUserIdentity", ["id"] = "aad-ada", ["displayName"] = "Ada Lovelace", ["userIdentityType"] = "aadUser" },
            };
            messages.Insert(0, Message("9999999", channelId, person, posted[0].Activity.GetProperty("attachments")[0].GetProperty("content").GetRawText()));
        }

        return messages;
    }

    private static JsonObject Message(string id, string channelId, JsonObject from, string card) => new()
    {
        ["id"] = id,
        ["replyToId"] = null,
        ["etag"] = id,
        ["messageType"] = "message",
        ["createdDateTime"] = "2026-01-05T09:00:01.123Z",
        ["lastModifiedDateTime"] = "2026-01-05T09:00:01.123Z",
        ["lastEditedDateTime"] = null,
        ["deletedDateTime"] = null,
        ["subject"] = null,
        ["importance"] = "normal",
        ["locale"] = "en-us",
        ["webUrl"] = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channelId)}/{id}",
        ["from"] = from.DeepClone(),
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = $"<attachment id=\"att-{id}\"></attachment>" },
        ["channelIdentity"] = new JsonObject { ["teamId"] = GroupId, ["channelId"] = channelId },
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["id"] = $"att-{id}",
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = card,
            ["name"] = null,
            ["thumbnailUrl"] = null,
            ["teamsAppId"] = null,
        }),
        ["mentions"] = new JsonArray(),
        ["reactions"] = new JsonArray(),
    };
}
