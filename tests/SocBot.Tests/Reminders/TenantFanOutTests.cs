using System.Reflection;
using Microsoft.Extensions.Options;
using SocBot.Reminders;
using SocBot.State;
using SocBot.Testing.Clocks;
using SocBot.Testing.Throttling;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reminders;

/// <summary>
/// Monday's pass over many tenants against a connector that throttles as Teams does: every card arrives once, nothing is
/// answered 429, tenants go out side by side up to Reminders:TenantConcurrency, and one tenant's trouble stays its own.
/// </summary>
public sealed class TenantFanOutTests
{
    private static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MondayPass_TwentyTenantsFiveTeams_DeliversEveryCardOnce_WithoutA429()
    {
        await using var stage = await FanOutStage.StartAsync(tenants: 20);

        var report = await stage.RunPassAsync();

        var due = stage.DueKeys;
        Assert.Equal(10, due.Count);
        var deliveries = stage.Deliveries();
        Assert.Equal(stage.Tenants.SelectMany(t => due.Select(k => (t, k))).ToHashSet(), deliveries.Keys.ToHashSet());
        Assert.All(deliveries, d => Assert.Equal(1, d.Value));
        Assert.Empty(stage.Teams.Throttled);
        Assert.Equal(200, report.Posted.Count());
        Assert.All(stage.Teams.Cards, c => Assert.Equal(FanOutStage.ChannelOf(c.TenantId, CardOccurrencesTeam(c)), c.Thread));
    }

    [Fact]
    public async Task MondayPass_PerTenantLimitThatBinds_DeliversEveryCardOnce_WithoutA429()
    {
        var clock = new SteppingClock(FanOutStage.Monday0900, horizon: TimeSpan.FromMinutes(5));
        var limits = TeamsRateLimits.Teams with { PerTenant = [new RateLimit(TimeSpan.FromSeconds(1), 2)] };
        await using var stage = await FanOutStage.StartAsync(
            tenants: 20,
            Settings(
                ("Reminders:TenantConcurrency", "20"),
                ("Connector:Pacing:PerTenant:0:Length", "00:00:01"),
                ("Connector:Pacing:PerTenant:0:Limit", "2"),
                ("Connector:Retry:AttemptTimeout", "01:00:00")),
            limits,
            clock: clock);

        var pass = stage.RunPassAsync();
        await clock.RunUntilAsync(pass);

        var report = await pass;
        Assert.Empty(stage.Teams.Throttled);
        var deliveries = stage.Deliveries();
        Assert.Equal(stage.Tenants.SelectMany(t => stage.DueKeys.Select(k => (t, k))).ToHashSet(), deliveries.Keys.ToHashSet());
        Assert.All(deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(200, report.Posted.Count());
        var tenantSpans = stage.Teams.Cards.GroupBy(c => c.TenantId).Select(g => g.Max(c => c.At) - g.Min(c => c.At)).ToList();
        Assert.All(tenantSpans, span => Assert.True(span >= TimeSpan.FromSeconds(4), $"a tenant's 10 cards at 2 per second went out within {span}"));
    }

    [Fact]
    public async Task Pass_PostsToTenantsSideBySide_NeverMoreThanTenantConcurrency()
    {
        await using var stage = await FanOutStage.StartAsync(tenants: 6, Settings(("Reminders:TenantConcurrency", "3")));
        var group = new FirstCardGroups(size: 3);
        stage.Teams.BeforeAnswer = group.HoldAsync;

        var report = await stage.RunPassAsync();

        Assert.Equal(3, stage.Teams.MaxTenantsInFlight);
        Assert.Equal(2, group.Released);
        Assert.Equal(60, report.Posted.Count());
    }

    [Fact]
    public async Task Pass_TenantConcurrencyOne_PostsTenantAfterTenant()
    {
        await using var stage = await FanOutStage.StartAsync(tenants: 3, Settings(("Reminders:TenantConcurrency", "1")));

        await stage.RunPassAsync();

        Assert.Equal(1, stage.Teams.MaxTenantsInFlight);
        var tenantRuns = stage.Teams.Cards.Select(c => c.TenantId).Where((t, i) => i == 0 || stage.Teams.Cards[i - 1].TenantId != t).ToList();
        Assert.Equal(stage.Tenants, tenantRuns);
    }

    [Fact]
    public async Task Pass_OneTenantsStoreFails_TheOthersArePosted_AndTheHeartbeatMoves()
    {
        var failing = "00000000-0000-0000-0000-000000000002";
        await using var stage = await FanOutStage.StartAsync(tenants: 4, overrideServices: s => TenantOutageStore.Decorate(s, failing));

        var report = await stage.RunPassAsync();

        Assert.DoesNotContain(stage.Teams.Cards, c => c.TenantId == failing);
        Assert.Equal(30, stage.Deliveries().Count(d => d.Key.TenantId != failing && d.Value == 1));
        Assert.Equal(30, report.Posted.Count());
        Assert.Equal(FanOutStage.Monday0900, (await stage.Store.GetHeartbeatAsync(CancellationToken.None))?.LastPassCompletedAt);
    }

    [Fact]
    public async Task Pass_TenantBudgetSpent_DefersThatTenantsRest_EveryTenantAlike_WithoutA429()
    {
        var perTenant = new RateLimit(TimeSpan.FromSeconds(1), 3);
        await using var stage = await FanOutStage.StartAsync(
            tenants: 4,
            Settings(("Connector:Pacing:PerTenant:0:Length", "00:00:01"), ("Connector:Pacing:PerTenant:0:Limit", "3"), ("Connector:Pacing:MaxWait", "00:00:00.100")),
            TeamsRateLimits.Teams with { PerTenant = [perTenant] });

        var report = await stage.RunPassAsync();

        Assert.Empty(stage.Teams.Throttled);
        Assert.All(stage.Tenants, t => Assert.Equal(3, stage.Teams.Cards.Count(c => c.TenantId == t)));
        Assert.All(stage.Tenants, t => Assert.Equal(7, report.Items.Count(i => i.TenantId == t && i.Outcome == ReminderOutcome.Deferred)));

        stage.Time.Advance(TimeSpan.FromSeconds(1));
        await stage.RunPassAsync();
        Assert.All(stage.Tenants, t => Assert.Equal(6, stage.Teams.Cards.Count(c => c.TenantId == t)));
        Assert.All(stage.Deliveries(), d => Assert.Equal(1, d.Value));
    }

    [Fact]
    public async Task TenantConcurrencyZero_StopsStartUp_NamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SocBotTestHost.StartAsync(Settings(("Reminders:TenantConcurrency", "0"))));

        Assert.Contains("Reminders:TenantConcurrency", failure.Message);
    }

    private static string CardOccurrencesTeam(ReceivedCard card) => Testing.Cards.CardOccurrences.InActivity(card.Activity)[0].Split('/')[1];

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => (string?)p.Value);

    /// <summary>
    /// Holds each tenant's first card until <c>size</c> tenants' first cards are held, then lets them all go: tenants that
    /// truly post side by side meet, and a pass that posts fewer at once is let go after <see cref="HoldAtMost"/>.
    /// </summary>
    private sealed class FirstCardGroups(int size)
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public int Released { get; private set; }

        public async Task HoldAsync(ReceivedCard card)
        {
            Task wait;
            lock (_gate)
            {
                if (!_seen.Add(card.TenantId))
                {
                    return;
                }

                wait = _current.Task;
                if (++_waiting == size)
                {
                    _current.SetResult();
                    _current = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiting = 0;
                    Released++;
                }
            }

            await wait.WaitAsync(HoldAtMost).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The host's store, failing every call for one tenant as a store whose rows for it cannot be read would.</summary>
    private class TenantOutageStore : DispatchProxy
    {
        private ISocStateStore _inner = null!;
        private string _tenant = null!;

        public static void Decorate(IServiceCollection services, string tenant)
        {
            var original = services.Last(d => d.ServiceType == typeof(ISocStateStore));
            services.Remove(original);
            services.AddSingleton(sp =>
            {
                var proxy = Create<ISocStateStore, TenantOutageStore>();
                var outage = (TenantOutageStore)(object)proxy;
                outage._inner = (ISocStateStore)(original.ImplementationInstance
                    ?? original.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
                outage._tenant = tenant;
                return proxy;
            });
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (args is [string tenant, ..] && tenant == _tenant)
            {
                throw new StateStoreUnavailableException($"The rows of tenant {tenant} cannot be read.");
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
