using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;

namespace SocBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API for one bot: sends, replies, proactive conversations, updates, deletes and rosters.
/// Every call names the service URL it goes to, which must be trusted, and the tenant it is made for: every call, reads
/// included, takes its turn under Teams' per-tenant and per-thread limits. Pacing, retries and tokens live in the handlers
/// below; each request carries the <see cref="PacingKey"/> they pace it by.
/// </summary>
public sealed class ConnectorClient(HttpClient http, TrustedServiceUrls trustedUrls)
{
    public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string? tenantId, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(
            "SendToConversation", HttpMethod.Post, serviceUrl, new PacingKey(tenantId, conversationId), $"v3/conversations/{Escape(conversationId)}/activities",
            activity, ProtocolJsonContext.Default.OutgoingActivity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string? tenantId, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(
            "ReplyToActivity", HttpMethod.Post, serviceUrl, new PacingKey(tenantId, conversationId), $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            activity with { ReplyToId = activityId }, ProtocolJsonContext.Default.OutgoingActivity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    /// <summary>Starts a conversation: a new thread in a Teams channel (channelData.channel) or a 1:1 chat (members).</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, string? tenantId, ConversationParameters parameters, string threadKey, CancellationToken cancellationToken) =>
        SendAsync(
            "CreateConversation", HttpMethod.Post, serviceUrl, new PacingKey(tenantId, threadKey), "v3/conversations",
            parameters, ProtocolJsonContext.Default.ConversationParameters, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken);

    /// <summary>Replaces a posted activity for everyone in the conversation (how a card changes in place).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string? tenantId, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(
            "UpdateActivity", HttpMethod.Put, serviceUrl, new PacingKey(tenantId, conversationId), $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            activity with { Id = activityId }, ProtocolJsonContext.Default.OutgoingActivity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    public async Task DeleteActivityAsync(Uri serviceUrl, string? tenantId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Delete, serviceUrl, new PacingKey(tenantId, conversationId), $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        using var response = await SendRawAsync("DeleteActivity", request, cancellationToken);
    }

    public Task<TeamsChannelAccount> GetMemberAsync(Uri serviceUrl, string? tenantId, string conversationId, string userId, CancellationToken cancellationToken) =>
        GetAsync("GetMember", serviceUrl, tenantId, conversationId, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", ProtocolJsonContext.Default.TeamsChannelAccount, cancellationToken);

    public Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string? tenantId, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={Math.Clamp(size, 50, 500)}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        return GetAsync("GetPagedMembers", serviceUrl, tenantId, conversationId, path, ProtocolJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(Uri serviceUrl, string? tenantId, string teamId, CancellationToken cancellationToken)
    {
        var list = await GetAsync("GetTeamChannels", serviceUrl, tenantId, teamId, $"v3/teams/{Escape(teamId)}/conversations", ProtocolJsonContext.Default.ConversationList, cancellationToken);
        return list.Conversations ?? [];
    }

    /// <summary>The team's name as Teams shows it (GET v3/teams/{teamId}).</summary>
    public Task<TeamInfo> GetTeamDetailsAsync(Uri serviceUrl, string? tenantId, string teamId, CancellationToken cancellationToken) =>
        GetAsync("GetTeamDetails", serviceUrl, tenantId, teamId, $"v3/teams/{Escape(teamId)}", ProtocolJsonContext.Default.TeamInfo, cancellationToken);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<TResult> GetAsync<TResult>(string operation, Uri serviceUrl, string? tenantId, string thread, string path, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, serviceUrl, new PacingKey(tenantId, thread), path);
        using var response = await SendRawAsync(operation, request, cancellationToken);
        return await ReadAsync(operation, response, resultType, cancellationToken);
    }

    private async Task<TResult> SendAsync<TBody, TResult>(
        string operation, HttpMethod method, Uri serviceUrl, PacingKey pacing, string path, TBody body,
        JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, serviceUrl, pacing, path);
        // Straight to UTF-8: through a string first, every reply was held twice more (as UTF-16, then transcoded).
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") },
        };
        using var response = await SendRawAsync(operation, request, cancellationToken);
        return await ReadAsync(operation, response, resultType, cancellationToken);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri serviceUrl, PacingKey pacing, string path)
    {
        if (!trustedUrls.IsTrusted(serviceUrl))
        {
            throw new UntrustedServiceUrlException(serviceUrl);
        }

        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Options.Set(PacingKey.Option, pacing);
        return request;
    }

    private async Task<HttpResponseMessage> SendRawAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new ConnectorException(operation, null, null, string.Empty, e) { MayHaveBeenDelivered = request.Method == HttpMethod.Post };
        }
        catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.ConnectionError)
        {
            // The connection broke after the request may have gone out; only a refused connection proves it did not.
            throw new ConnectorException(operation, null, null, string.Empty, e) { MayHaveBeenDelivered = request.Method == HttpMethod.Post };
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ConnectorException(operation, response.StatusCode, ErrorCodeOf(body), body)
            {
                MayHaveBeenDelivered = request.Method == HttpMethod.Post && ConnectorRetryHandler.MayHaveBeenProcessed(response.StatusCode),
            };
        }
    }

    private static async Task<TResult> ReadAsync<TResult>(string operation, HttpResponseMessage response, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return JsonSerializer.Deserialize("{}", resultType)!;
        }

        try
        {
            return JsonSerializer.Deserialize(body, resultType)
                ?? throw new ConnectorException(operation, response.StatusCode, "EmptyBody", body);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(operation, HttpStatusCode.BadGateway, "UnreadableResponse", body, e);
        }
    }

    /// <summary>Bot Connector errors are {"error":{"code"}}; Teams' own are {"errorCode":209,…}.</summary>
    private static string? ErrorCodeOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code))
            {
                return code.ToString();
            }

            return root.TryGetProperty("errorCode", out var teamsCode) ? teamsCode.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
