using System.Collections.Concurrent;
using System.Text.Json;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// A loopback Bot Connector that answers like Teams: a new channel thread gets "{channel};messageid={n}" and activity id n,
/// sends and updates get resource ids. It keeps every request for the tests to read the cards that were posted.
/// </summary>
public sealed class TeamsConnectorStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<PostedThread> _threads = new();
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

    public IReadOnlyList<RecordedRequest> Updates => Server.Requests.Where(r => r.Method == "PUT").ToList();

    public IReadOnlyList<RecordedRequest> ThreadMessages =>
        Server.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/v3/conversations/", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The next <paramref name="count"/> new threads are created, but answered 504, as when Teams' gateway gives up on a call the service behind it completed.
    /// </summary>
    public void CreateButAnswerGatewayError(int count) => Interlocked.Exchange(ref _gatewayFailures, count);

    public static async Task<TeamsConnectorStandIn> StartAsync() => new(await LoopbackServer.StartAsync());

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private LoopbackResponse Respond(RecordedRequest request)
    {
        var id = Interlocked.Increment(ref _next);
        if (request.Method == "POST" && request.PathAndQuery == "/v3/conversations")
        {
            var channel = request.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString()!;
            _threads.Enqueue(new PostedThread(channel, id.ToString(), request.Json.GetProperty("activity")));
            if (Interlocked.Decrement(ref _gatewayFailures) >= 0)
            {
                return LoopbackResponse.Json(504, """{"error":{"code":"GatewayTimeout","message":"The upstream service did not answer in time."}}""");
            }

            return LoopbackResponse.Json(201, JsonSerializer.Serialize(new { id = $"{channel};messageid={id}", activityId = id.ToString() }));
        }

        return LoopbackResponse.Json(200, JsonSerializer.Serialize(new { id = $"m-{id}" }));
    }
}
