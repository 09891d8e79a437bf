using System.Text.Json;
using SocBot.Completions;
using SocBot.Reminders;
using SocBot.Tests.EndToEnd;
using SocBot.Tests.Enrichment;

namespace SocBot.Tests.Completions;

/// <summary>
/// Card replacements that outlive a click belong to the hosted <see cref="CardUpdateWorker"/>: run in the real host against
/// a loopback connector, a failure is logged and the rest still go out, and stopping drains the queue within
/// SocBot:ShutdownTimeout, abandoning (and logging) what is left when it runs out.
/// </summary>
public sealed class CardUpdateWorkerTests
{
    [Fact]
    public async Task Worker_OneUpdateFailing_LogsIt_AndAppliesTheNext()
    {
        await using var stage = await Stage.StartAsync("00:00:30");
        stage.Connector.EnqueueResponse(LoopbackResponse.Json(404, """{"error":{"code":"ActivityNotFoundInConversation"}}"""));

        Assert.True(stage.Queue.TryEnqueue(Update("task/monitoring/2026-W02", "1001", stage.Connector.BaseUrl), out var first));
        await first;
        Assert.True(stage.Queue.TryEnqueue(Update("task/monitoring/2026-W03", "1002", stage.Connector.BaseUrl), out var second));
        await second;

        Assert.Equal(["1001", "1002"], stage.Connector.Requests.Where(r => r.Method == "PUT").Select(r => r.PathAndQuery.Split('/')[^1]).ToArray());
        var failure = Assert.Single(stage.Logs.Entries, e => e.Category == typeof(CardUpdateWorker).FullName && e.Level == LogLevel.Warning);
        Assert.Equal("Could not update the posted card of task/monitoring/2026-W02; viewers see it on refresh", failure.Message);
        Assert.NotNull(failure.Exception);
    }

    [Fact]
    public async Task StopAsync_UpdatesQueuedBehindASlowConnector_DrainsThemAllBeforeStopping()
    {
        await using var stage = await Stage.StartAsync("00:00:30");
        for (var i = 0; i < 10; i++)
        {
            stage.Connector.EnqueueDelay(TimeSpan.FromMilliseconds(200), LoopbackResponse.Json(200, """{"id":"m-1"}"""));
        }

        var applied = Enumerable.Range(0, 10)
            .Select(i => stage.Queue.TryEnqueue(Update($"task/monitoring/2026-W{i + 10}", $"{2000 + i}", stage.Connector.BaseUrl), out var tried) ? tried : throw new InvalidOperationException("queue full"))
            .ToList();
        await stage.Bot.StopAsync();

        Assert.All(applied, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(10, stage.Connector.Requests.Count(r => r.Method == "PUT"));
        Assert.DoesNotContain(stage.Logs.Entries, e => e.Category == typeof(CardUpdateWorker).FullName);
        Assert.False(stage.Queue.TryEnqueue(Update("task/monitoring/2026-W40", "3000"), out _));
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutRunsOut_AbandonsWhatIsLeft_AndLogsEachOne()
    {
        await using var stage = await Stage.StartAsync("00:00:30");
        for (var i = 0; i < 8; i++)
        {
            stage.Connector.EnqueueDelay(TimeSpan.FromSeconds(5), LoopbackResponse.Json(200, """{"id":"m-1"}"""));
        }

        var applied = Enumerable.Range(0, 8)
            .Select(i => stage.Queue.TryEnqueue(Update($"task/monitoring/2026-W{i + 10}", $"{4000 + i}", stage.Connector.BaseUrl), out var tried) ? tried : throw new InvalidOperationException("queue full"))
            .ToList();
        using (var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await stage.Worker.StopAsync(shutdownTimeout.Token);
        }

        await Task.WhenAll(applied);

        var abandoned = stage.Logs.Entries.Where(e => e.Category == typeof(CardUpdateWorker).FullName).Select(e => e.Message).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            Enumerable.Range(0, 8).Select(i => $"Shutting down: the card update of task/monitoring/2026-W{i + 10} was abandoned; viewers see it on refresh").Order(StringComparer.Ordinal),
            abandoned);
    }

    [Fact]
    public void TryEnqueue_QueueFull_RefusesAtOnce()
    {
        var queue = new CardUpdateQueue();

        var accepted = Enumerable.Range(0, CardUpdateQueue.Capacity + 1).Count(i => queue.TryEnqueue(Update($"task/monitoring/{i}", $"{i}"), out _));

        Assert.Equal(CardUpdateQueue.Capacity, accepted);
    }

    private static CardUpdate Update(string key, string activityId, Uri? serviceUrl = null) => new(
        key,
        serviceUrl ?? new Uri("http://127.0.0.1:9/"),
        "tenant-1",
        $"19:monitoring@thread.tacv2;messageid={activityId}",
        activityId,
        ReminderPoster.CardActivity(ReminderCards.Message("Completed", key)));

    private sealed class Stage : IAsyncDisposable
    {
        private Stage(LoopbackServer connector, SocBotTestHost bot, RecordingLoggerProvider logs)
        {
            Connector = connector;
            Bot = bot;
            Logs = logs;
        }

        public LoopbackServer Connector { get; }

        public SocBotTestHost Bot { get; }

        public RecordingLoggerProvider Logs { get; }

        public CardUpdateQueue Queue => Bot.Services.GetRequiredService<CardUpdateQueue>();

        /// <summary>The worker as the host runs it; stopping it directly gives the test the shutdown token the host would pass.</summary>
        public CardUpdateWorker Worker => Bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CardUpdateWorker>().Single();

        public static async Task<Stage> StartAsync(string shutdownTimeout)
        {
            var connector = await LoopbackServer.StartAsync();
            connector.SetDefault(_ => LoopbackResponse.Json(200, JsonSerializer.Serialize(new { id = "m-1" })));
            var logs = new RecordingLoggerProvider();
            var bot = await SocBotTestHost.StartAsync(
                new Dictionary<string, string?> { ["SocBot:ShutdownTimeout"] = shutdownTimeout },
                overrideServices: services => services.AddSingleton<ILoggerProvider>(logs));
            return new Stage(connector, bot, logs);
        }

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
