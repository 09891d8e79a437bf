using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocBot.Bindings;
using SocBot.Catalog;
using SocBot.Reports;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Benchmarks.Reports;

/// <summary>
/// The chat reports on the shipped catalog over a SQLite store holding 100 days of its occurrences (every reminder of
/// every team claimed and posted, 4 in 5 completed, 1 in 20 skipped, the rest open): `status` in a team's channel, in
/// SOC Oversight's (all five teams with rates), and `export` of the whole SOC's audit log of those 100 days to CSV
/// (every claim, post, completion and skip; the store's clock is held at the seeding instant so each falls in the range). Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*StatusReportBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class StatusReportBenchmarks
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly DateTimeOffset Now = new(2026, 4, 13, 10, 0, 0, TimeSpan.Zero);

    private string _folder = null!;
    private ServiceProvider _services = null!;
    private StatusReport _status = null!;
    private ISocStateStore _store = null!;
    private ConversationScope _team = null!;
    private ConversationScope _oversight = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<string> TeamStatus() => _status.WriteAsync(_team, Now, CancellationToken.None);

    [Benchmark]
    public Task<string> OversightStatus() => _status.WriteAsync(_oversight, Now, CancellationToken.None);

    [Benchmark]
    public async Task<int> ExportAuditCsv()
    {
        var entries = new List<AuditEntry>();
        foreach (var team in _oversight.Teams)
        {
            entries.AddRange(await _store.ReadAuditAsync(Tenant, team.Id, Now.AddDays(-100), Now, CancellationToken.None));
        }

        return AuditCsv.Write(entries).Length;
    }

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "socbot-bench-reports-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:SqlitePath"] = Path.Combine(_folder, "socbot.db"),
                ["Reminders:SchedulerEnabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new HeldClock(Now.AddHours(-1)));
        services.AddSingleton<IConfiguration>(configuration);
        SocBotServices.Add(services, configuration);
        _services = services.BuildServiceProvider();
        _status = _services.GetRequiredService<StatusReport>();
        _store = _services.GetRequiredService<ISocStateStore>();
        var catalog = _services.GetRequiredService<ICatalogSource>().Current;
        var teams = _services.GetRequiredService<ConversationTeams>();
        _team = teams.ForTeam(Tenant, catalog.FindTeam("monitoring")!);
        _oversight = teams.ForTeam(Tenant, catalog.FindTeam(CatalogLoader.DefaultEscalationTeamId)!);
        await SeedAsync(_services.GetRequiredService<OccurrenceSchedule>().List(Now.AddDays(-100), Now));
    }

    private async Task SeedAsync(IReadOnlyList<Occurrence> occurrences)
    {
        var analyst = new Actor("oid-analyst", "Analyst");
        await Parallel.ForEachAsync(occurrences, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (occurrence, ct) =>
        {
            var key = occurrence.Key.ToString();
            await _store.ClaimOccurrenceAsync(new OccurrenceClaim(Tenant, key, occurrence.TeamId, occurrence.Task.Id, occurrence.Key.Period, occurrence.DueAt, Guid.NewGuid()), ct);
            await _store.RecordPostedAsync(Tenant, occurrence.TeamId, key, $"19:{occurrence.TeamId}@thread.tacv2;messageid=1", key, ct);
            var roll = (key.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 20;
            if (roll < 16)
            {
                await _store.CompleteAsync(Tenant, occurrence.TeamId, key, analyst, "done, see ticket SEC-1", null, ct);
            }
            else if (roll == 16)
            {
                await _store.SkipAsync(Tenant, occurrence.TeamId, key, analyst, "change freeze", ct);
            }
        });
    }

    private sealed class HeldClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
