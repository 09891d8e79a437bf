using System.Collections.Concurrent;
using System.Text.Json;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// A loopback Bot Connector that answers like Teams: a new channel thread gets "{channel};messageid={n}" and activity id n,
/// a new 1:1 chat gets an "a:" id, sends and updates get resource ids, the teams it was told about answer
/// GET v3/teams/{id} and their channel list (the General channel's name null, its id the team's). It also plays the
/// OneDrive upload session a file consent card opens: PUT /upload/{file} answers 201 with the drive item. It keeps every
/// request for the tests to read.
/// </summary>
public sealed class TeamsConnectorStandIn : IAsyncDisposable
{
    private const string UploadPrefix = "/upload/";

    private readonly ConcurrentQueue<PostedThread> _threads = new();
    private readonly ConcurrentDictionary<string, (string Name, IReadOnlyList<(string Id, string? Name)> Channels)> _teams = new(StringComparer.Ordinal);
    private int _next = 1000;
    private int _gatewayFailures;

    private TeamsConnectorStandIn(LoopbackServer server)
    {
        Server = server;
        server.SetDefault(Respond);
    }

    public LoopbackServer Server { get; }

    public Uri ServiceUrl => Server.BaseUrl;

    /// <summary>New threads started in channels, in the order they were answered.</summary>
    public IReadOnlyList<PostedThread> CreatedThreads => _threads.ToArray();

    public IReadOnlyList<RecordedRequest> Updates => Server.Requests.Where(r => r.Method == "PUT" && r.PathAndQuery.StartsWith("/v3/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordedRequest> ThreadMessages =>
        Server.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/v3/conversations/", StringComparison.Ordinal)).ToList();

    /// <summary>Files put into upload sessions, in order.</summary>
    public IReadOnlyList<RecordedRequest> Uploads => Server.Requests.Where(r => r.Method == "PUT" && r.PathAndQuery.StartsWith(UploadPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The next <paramref name="count"/> new threads are created, but answered 504, as when Teams' gateway gives up on a call the service behind it completed.
    /// </summary>
    public void CreateButAnswerGatewayError(int count) => Interlocked.Exchange(ref _gatewayFailures, count);

    public static async Task<TeamsConnectorStandIn> StartAsync() => new(await LoopbackServer.StartAsync());

    /// <summary>A team the bot is installed in, with its channels as Teams names them (the General channel: id = team id, name null).</summary>
    public void AddTeam(string teamId, string name, params (string Id, string? Name)[] channels) => _teams[teamId] = (name, channels);

    /// <summary>The upload session URL Teams would put in a fileConsent/invoke's uploadInfo.</summary>
    public Uri UploadUrl(string fileName) => new(ServiceUrl, UploadPrefix.TrimStart('/') + Uri.EscapeDataString(fileName));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private LoopbackResponse Respond(RecordedRequest request)
    {
        var id = Interlocked.Increment(ref _next);
        if (request.Method == "POST" && request.PathAndQuery == "/v3/conversations")
        {
            var body = request.Json;
            if (!body.TryGetProperty("channelData", out var channelData) || !channelData.TryGetProperty("channel", out var channelProperty))
            {
                return LoopbackResponse.Json(201, JsonSerializer.Serialize(new { id = $"a:1on1-{id}" }));
            }

            var channel = channelProperty.GetProperty("id").GetString()!;
            _threads.Enqueue(new PostedThread(channel, id.ToString(), body.GetProperty("activity")));
            if (Interlocked.Decrement(ref _gatewayFailures) >= 0)
            {
                return LoopbackResponse.Json(504, """{"error":{"code":"GatewayTimeout","message":"The upstream service did not answer in time."}}""");
            }

            return LoopbackResponse.Json(201, JsonSerializer.Serialize(new { id = $"{channel};messageid={id}", activityId = id.ToString() }));
        }

        if (request.Method == "GET" && request.PathAndQuery.StartsWith("/v3/teams/", StringComparison.Ordinal))
        {
            var rest = request.PathAndQuery["/v3/teams/".Length..];
            var listing = rest.EndsWith("/conversations", StringComparison.Ordinal);
            var teamId = Uri.UnescapeDataString(listing ? rest[..^"/conversations".Length] : rest);
            if (!_teams.TryGetValue(teamId, out var team))
            {
                return LoopbackResponse.Json(404, """{"error":{"code":"NotFound","message":"The bot is not part of the team"}}""");
            }

            return listing
                ? LoopbackResponse.Json(200, JsonSerializer.Serialize(new { conversations = team.Channels.Select(c => new { id = c.Id, name = c.Name }) }))
                : LoopbackResponse.Json(200, JsonSerializer.Serialize(new { id = teamId, name = team.Name, aadGroupId = "00000000-0000-0000-0000-0000000000aa" }));
        }

        if (request.Method == "PUT" && request.PathAndQuery.StartsWith(UploadPrefix, StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(request.PathAndQuery[UploadPrefix.Length..]);
            return LoopbackResponse.Json(201, JsonSerializer.Serialize(new { id = $"01DRIVEITEM{id}", name, size = request.Body.Length, file = new { mimeType = "text/csv" } }));
        }

        return LoopbackResponse.Json(200, JsonSerializer.Serialize(new { id = $"m-{id}" }));
    }
}
