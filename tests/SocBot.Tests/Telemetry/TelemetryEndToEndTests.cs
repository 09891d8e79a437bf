using SocBot.Reminders;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Telemetry;

/// <summary>A reminder pass and a card click through the real app on loopback, the connector stand-in answering like Teams.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private ReminderScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await ReminderScenario.StartAsync(Monday0900.AddHours(-1));
        await _scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await _scenario.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Pass_ThrottledOnceByTeams_RecordsThe429TheRetryAndThePostedReminders()
    {
        _scenario.Connector.Server.EnqueueResponse(LoopbackResponse.Json(429, """{"error":{"code":"Throttled"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" }));
        _scenario.Time.SetUtcNow(Monday0900);
        using var metrics = new MetricsRecorder();

        var report = await _scenario.RunPassAsync();

        Assert.Equal(10, report.Items.Count(i => i.Outcome == ReminderOutcome.Posted));
        Assert.Equal(1, metrics.Sum("socbot.connector.throttled", ("operation", "create_conversation")));
        Assert.Equal(1, metrics.Sum("socbot.connector.throttled"));
        Assert.Equal(1, metrics.Sum("socbot.connector.retries", ("operation", "create_conversation"), ("reason", "429")));
        Assert.Equal(5, metrics.Sum("socbot.connector.responses", ("operation", "create_conversation")));
        Assert.Equal(10, metrics.Sum("socbot.reminders", ("outcome", "posted"), ("dry_run", false)));
        var pass = Assert.Single(metrics.Of("socbot.reminder_pass.duration"));
        Assert.InRange(pass.Value, double.Epsilon, 60);
        // One turn per attempt: four threads created, and the throttled one's retry takes a turn of its own.
        Assert.Equal(5, metrics.Of("socbot.connector.pacer.wait").Count);
    }

    [Fact]
    public async Task Click_Complete_RecordsOneAppliedCompletion()
    {
        _scenario.Time.SetUtcNow(Monday0900);
        await _scenario.RunPassAsync();
        var thread = _scenario.Connector.CreatedThreads.First(t => t.ChannelId == ReminderScenario.MonitoringChannel);
        var data = PostedCards.FindAction(PostedCards.CardOf(thread.Activity), ReminderVerbs.Complete).GetProperty("data");
        using var metrics = new MetricsRecorder();

        await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, thread.ActivityId, data, ReminderVerbs.Complete, ("29:ada", "Ada Lovelace", "aad-ada"));
        await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, thread.ActivityId, data, ReminderVerbs.Complete, ("29:ada", "Ada Lovelace", "aad-ada"));

        Assert.Equal(1, metrics.Sum("socbot.completions", ("outcome", "applied")));
        Assert.Equal(1, metrics.Sum("socbot.completions", ("outcome", "alreadyresolved")));
    }
}
