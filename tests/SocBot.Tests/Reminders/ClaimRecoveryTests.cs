using SocBot.Reminders;
using SocBot.State;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reminders;

/// <summary>
/// A pass's claim is stamped on the store's clock; passes may run at an explicit instant (<c>remind --at</c>) far from it.
/// A claim's age must be measured on the clock that stamped it, or past-instant claims never go stale and future-instant
/// passes take over live ones.
/// </summary>
public sealed class ClaimRecoveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private const string Key = "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05";

    private ReminderScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await ReminderScenario.StartAsync(Monday0900);
        await _scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await _scenario.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task RunAsync_PastInstantClaimLeftByKilledPass_TakenOverOnceByALaterPassAtTheSameInstant()
    {
        _scenario.Time.SetUtcNow(Monday0900.AddDays(1).AddHours(1));
        await ClaimAsKilledPassAsync();

        _scenario.Time.Advance(TimeSpan.FromMinutes(4));
        await RunAtAsync(Monday0900);
        await RunAtAsync(Monday0900);

        Assert.Equal(1, PostsOf(Key));
        Assert.True((await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", Key, CancellationToken.None))!.IsPosted);
    }

    [Fact]
    public async Task RunAsync_FutureInstantWhileAnotherPassHoldsALiveClaim_NotTakenOver()
    {
        await ClaimAsKilledPassAsync();

        _scenario.Time.Advance(TimeSpan.FromMinutes(1));
        var report = await RunAtAsync(Monday0900.AddHours(1));

        Assert.Equal(0, PostsOf(Key));
        Assert.Contains(report.Items, i => i.OccurrenceKey == Key && i.Outcome == ReminderOutcome.AlreadyClaimed);
    }

    [Fact]
    public async Task RunAsync_WallClockClaimLeftByKilledPass_NotBeforeStaleThenOnce()
    {
        await ClaimAsKilledPassAsync();

        _scenario.Time.Advance(TimeSpan.FromMinutes(2));
        await _scenario.RunPassAsync();
        var beforeStale = PostsOf(Key);
        _scenario.Time.Advance(TimeSpan.FromMinutes(2));
        await _scenario.RunPassAsync();
        await _scenario.RunPassAsync();

        Assert.Equal((0, 1), (beforeStale, PostsOf(Key)));
    }

    private async Task ClaimAsKilledPassAsync()
    {
        var claim = await _scenario.Store.ClaimOccurrenceAsync(
            new OccurrenceClaim(ReminderScenario.TenantId, Key, "monitoring", Key.Split('/')[0], "2026-01-05", Monday0900.AddHours(8), Guid.NewGuid()),
            CancellationToken.None);
        Assert.True(claim.Claimed);
    }

    private Task<ReminderPassReport> RunAtAsync(DateTimeOffset instant) =>
        _scenario.Bot.Services.GetRequiredService<ReminderPass>().RunAsync(instant, dryRun: false, CancellationToken.None);

    private int PostsOf(string key) =>
        _scenario.Connector.CreatedThreads.Count(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key));
}
