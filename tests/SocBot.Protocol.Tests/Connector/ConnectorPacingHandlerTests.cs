using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;
using SocBot.Testing.Clocks;

namespace SocBot.Protocol.Tests.Connector;

/// <summary>
/// Every attempt takes its turn: a 429's retry waits for Retry-After and then for room in the windows, on the injected
/// clock against a loopback connector that stamps each request with that clock.
/// </summary>
public sealed class ConnectorPacingHandlerTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly SteppingClock _clock = new(Start, horizon: TimeSpan.FromMinutes(1));
    private readonly Queue<LoopbackResponse> _answers = new();
    private readonly List<(string Path, DateTimeOffset At)> _arrived = [];
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.SetDefault(request =>
        {
            lock (_answers)
            {
                _arrived.Add((request.PathAndQuery, _clock.GetUtcNow()));
                return _answers.Dequeue();
            }
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_429WhileTheTenantsWindowIsFull_RetryWaitsForRetryAfterAndThenForItsTurn()
    {
        Answer(Created(), Throttled(retryAfterSeconds: 1), Created());
        var client = Client(new ConnectorPacingOptions { PerThread = [new(TimeSpan.FromSeconds(1), 7)], PerTenant = [new(TimeSpan.FromSeconds(5), 2)] });
        await client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:other", OutgoingActivity.FromText("first"), CancellationToken.None);

        var send = client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:throttled", OutgoingActivity.FromText("second"), CancellationToken.None);
        await _clock.RunUntilAsync(send);

        Assert.Equal([Start, Start, Start.AddSeconds(5)], _arrived.Select(a => a.At));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)], _clock.Waits);
    }

    [Fact]
    public async Task Send_429WithRoomInTheWindows_IsSentAgainWhenRetryAfterHasPassed()
    {
        Answer(Throttled(retryAfterSeconds: 3), Created());
        var client = Client(ConnectorPacingOptions.TeamsDefaults());

        var send = client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:chat", OutgoingActivity.FromText("hello"), CancellationToken.None);
        await _clock.RunUntilAsync(send);

        Assert.Equal([Start, Start.AddSeconds(3)], _arrived.Select(a => a.At));
        Assert.Equal("act-1", (await send).Id);
    }

    [Fact]
    public async Task Send_429_HoldsTheTenantsOtherThreadsUntilRetryAfter()
    {
        Answer(Throttled(retryAfterSeconds: 2), Created(), Created());
        var client = Client(ConnectorPacingOptions.TeamsDefaults());

        var throttled = client.SendToConversationAsync(_server.BaseUrl, Tenant, "19:soc@thread.tacv2", OutgoingActivity.FromText("one"), CancellationToken.None);
        await _clock.TimersSetAsync(1);
        var other = client.SendToConversationAsync(_server.BaseUrl, Tenant, "19:csirt@thread.tacv2", OutgoingActivity.FromText("two"), CancellationToken.None);
        await _clock.RunUntilAsync(Task.WhenAll(throttled, other));

        Assert.Equal([Start, Start.AddSeconds(2), Start.AddSeconds(2)], _arrived.Select(a => a.At));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], _clock.Waits);
    }

    private static LoopbackResponse Created() => LoopbackResponse.Json(201, """{"id":"act-1"}""");

    private static LoopbackResponse Throttled(int retryAfterSeconds) => LoopbackResponse.Json(
        429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = $"{retryAfterSeconds}" });

    private void Answer(params LoopbackResponse[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Attempts time out after an hour, beyond the clock's horizon, so only turns and Retry-After move time.</summary>
    private ConnectorClient Client(ConnectorPacingOptions pacing)
    {
        var retry = ConnectorHarness.FastRetry();
        retry.AttemptTimeout = TimeSpan.FromHours(1);
        return ConnectorHarness.Create(_server, retry, _clock, pacing: pacing);
    }
}
