using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocBot.Conversations;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;
using SocBot.Testing.Cards;
using SocBot.Testing.Throttling;

namespace SocBot.Benchmarks.FanOut;

/// <summary>
/// Monday's 09:00 reminder pass over many tenants, each with the catalog's five SOC teams bound to channels of their own,
/// through the real host's services and a fresh SQLite file, against a loopback connector that throttles as Teams does.
/// The host's clock starts at Monday 09:00 and runs at real speed, so the pacer really waits. Prints what was due, what
/// arrived, duplicates, 429s, the wall time and the least time Teams' limits allow for the same calls. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- fanout [tenants] [tenant concurrency] [per-tenant calls per second] [arrival margin]</c>;
/// the per-tenant rate, for both the bot's pacer and the connector, makes the limits bind where Teams' 50 per second
/// never does; the margin is the pacer's Connector:Pacing:ArrivalMargin.
/// </summary>
public static class FanOutProbe
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] SocTeams = ["soc-oversight", "threat-intelligence", "monitoring", "engineering-secops", "csirt"];

    /// <summary>The target: within 1.2 × what the limits allow, or this, whichever is longer.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var tenants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var folder = Directory.CreateTempSubdirectory("socbot-fanout-").FullName;
        var clock = new RunningClock(Monday0900);
        var limits = args.Length > 2
            ? TeamsRateLimits.Teams with { PerTenant = [new RateLimit(TimeSpan.FromSeconds(1), int.Parse(args[2], CultureInfo.InvariantCulture))] }
            : TeamsRateLimits.Teams;
        await using var teams = await ThrottlingConnectorStandIn.StartAsync(clock, limits);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(folder, "socbot.db"),
            ["Reminders:SchedulerEnabled"] = "false",
        };
        if (args.Length > 1)
        {
            settings["Reminders:TenantConcurrency"] = args[1];
        }

        if (args.Length > 2)
        {
            settings["Connector:Pacing:PerTenant:0:Length"] = "00:00:01";
            settings["Connector:Pacing:PerTenant:0:Limit"] = args[2];
        }

        if (args.Length > 3)
        {
            settings["Connector:Pacing:ArrivalMargin"] = args[3];
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.ConfigureServices();
        builder.Services.AddSingleton<TimeProvider>(clock);
        await using var app = builder.Build().MapEndpoints();
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<ISocStateStore>();
            var ids = Enumerable.Range(1, tenants).Select(n => $"00000000-0000-0000-0000-{n:D12}").ToList();
            foreach (var tenant in ids)
            {
                await BindAsync(store, tenant, teams.ServiceUrl, clock.GetUtcNow());
            }

            var due = app.Services.GetRequiredService<OccurrenceSchedule>().List(Monday0900.AddHours(-12), Monday0900.AddTicks(1)).Count;
            clock.Restart(Monday0900);
            var started = clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            var report = await app.Services.GetRequiredService<ReminderPass>().RunAsync(clock.GetUtcNow(), dryRun: false, CancellationToken.None);
            var wall = watch.Elapsed;

            var deliveries = teams.Deliveries(CardOccurrences.InActivity);
            var cards = teams.Cards;
            var bound = limits.Bound(
                cards.GroupBy(c => (c.TenantId, c.Thread)).Select(g => g.Count()),
                cards.GroupBy(c => c.TenantId).Select(g => g.Count()));
            var allowed = bound * 1.2 > Floor ? bound * 1.2 : Floor;
            var duplicates = deliveries.Values.Sum(n => n - 1);
            var throttled = teams.Throttled.Count;
            var told = teams.Throttled.Select(t => t.Wait.TotalMilliseconds).DefaultIfEmpty().ToList();
            var concurrency = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.TenantConcurrency;

            Console.WriteLine($"fan-out: {tenants} tenants x {SocTeams.Length} teams = {tenants * SocTeams.Length} bound channels, Reminders:TenantConcurrency {concurrency}, per tenant {limits.PerTenant[0].Limit} calls per {limits.PerTenant[0].Length.TotalSeconds:F0} s");
            Console.WriteLine($"occurrences due: {due * tenants} ({due} per tenant); delivered once or more: {deliveries.Count}; cards received: {cards.Count}; duplicates: {duplicates}; 429s: {throttled} (the turn they missed was {told.Min():F0}–{told.Max():F0} ms off)");
            Console.WriteLine($"pass outcomes: {string.Join(", ", report.Items.GroupBy(i => i.Outcome).Select(g => $"{g.Key} {g.Count()}"))}; most tenants answered at once: {teams.MaxTenantsInFlight}");
            var gaps = cards.GroupBy(c => c.TenantId)
                .SelectMany(g => g.OrderBy(c => c.At).Zip(g.OrderBy(c => c.At).Skip(1), (x, y) => (y.At - x.At).TotalMilliseconds)).Order().ToList();
            if (cards.Count > 0)
            {
                Console.WriteLine($"cards arrived {(cards.Min(c => c.At) - started).TotalSeconds:F2}–{(cards.Max(c => c.At) - started).TotalSeconds:F2} s into the pass; "
                    + $"between one tenant's cards: median {Percentile(gaps, 0.5):F0} ms, p99 {Percentile(gaps, 0.99):F0} ms, max {Percentile(gaps, 1):F0} ms");
            }

            Console.WriteLine($"wall time: {wall.TotalSeconds:F1} s; the limits allow {bound.TotalSeconds:F1} s for these calls; target max(1.2 x {bound.TotalSeconds:F1} s, {Floor.TotalSeconds:F0} s) = {allowed.TotalSeconds:F1} s");
            var met = deliveries.Count == due * tenants && duplicates == 0 && throttled == 0 && wall <= allowed;
            Console.WriteLine(met ? "verdict: met" : "verdict: missed");
            return met ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))];

    /// <summary>Each SOC team bound to its own channel of the tenant's Teams team, as "link" leaves it.</summary>
    private static async Task BindAsync(ISocStateStore store, string tenant, Uri serviceUrl, DateTimeOffset at)
    {
        var teamsTeam = $"19:{tenant[^4..]}-soc@thread.tacv2";
        foreach (var team in SocTeams)
        {
            var channel = $"19:{tenant[^4..]}-{team}@thread.tacv2";
            await store.UpsertAsync(new ConversationReference(tenant, channel, "channel", serviceUrl, teamsTeam, "SOC", channel, team, "28:socbot", at), CancellationToken.None);
            await store.UpsertChannelBindingAsync(new TeamChannelBinding(tenant, team, channel, teamsTeam, team, new Actor("aad-admin", "Admin"), at), CancellationToken.None);
        }
    }

    /// <summary>Real time, shifted to start at a chosen instant: timers and waits are the system's.</summary>
    private sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan _offset = start - System.GetUtcNow();

        public void Restart(DateTimeOffset at) => _offset = at - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
