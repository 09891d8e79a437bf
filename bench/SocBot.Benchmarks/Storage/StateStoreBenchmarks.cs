using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.State;
using SocBot.Storage.AzureTables;
using SocBot.State.Sqlite;
using SocBot.Testing.Azurite;

namespace SocBot.Benchmarks.Storage;

/// <summary>
/// The state store on both backends with a year of history for 5 teams × 10 tasks (2 daily, 4 weekly, 4 monthly tasks per
/// team: 4,930 occurrences, about 80 % completed): the bot's insert (an occurrence claim with its audit entry
/// in one transaction), a completion of a claimed occurrence (with its audit entry), one team's status for this week, and
/// one team's weekly completion rates over the year.
/// Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*StateStoreBenchmarks*' --job short</c>
/// (Azurite comes from the repository's node_modules; add <c>--inProcess</c> to skip BenchmarkDotNet's rebuild).
/// </summary>
public class StateStoreBenchmarks
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly DateTimeOffset YearStart = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = YearStart.AddDays(364);

    private AzuriteServer? _azurite;
    private string? _folder;
    private ISocStateStore _store = null!;
    private const int CompletionsPerIteration = 100;

    private long _counter;
    private string[] _claimedForCompletion = [];

    [Params("Sqlite", "Azurite")]
    public string Backend { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark]
    public Task<OccurrenceClaimResult> ClaimOccurrence()
    {
        var n = Interlocked.Increment(ref _counter);
        return _store.ClaimOccurrenceAsync(
            new OccurrenceClaim(Tenant, $"adhoc/team-0/adhoc-{n}", "team-0", "adhoc", $"adhoc-{n}", Now.AddMinutes(n), Guid.NewGuid()),
            CancellationToken.None);
    }

    [IterationSetup(Target = nameof(CompleteOccurrence))]
    public void ClaimForCompletion() => ClaimForCompletionAsync().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = CompletionsPerIteration)]
    public async Task CompleteOccurrence()
    {
        var analyst = new Actor("oid-analyst", "Analyst");
        foreach (var key in _claimedForCompletion)
        {
            await _store.CompleteAsync(Tenant, "team-1", key, analyst, "checked the console", "ticket 4711", CancellationToken.None);
        }
    }

    [Benchmark]
    public Task<IReadOnlyList<OccurrenceRecord>> TeamStatusThisWeek() =>
        _store.ListTeamOccurrencesAsync(Tenant, "team-2", Now.AddDays(-7), Now, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<WeeklyCompletionRate>> TeamWeeklyRatesOverYear() =>
        _store.GetWeeklyCompletionRatesAsync(Tenant, "team-2", YearStart, Now, CancellationToken.None);

    private async Task SetupAsync()
    {
        var time = TimeProvider.System;
        if (Backend == "Azurite")
        {
            _azurite = await AzuriteServer.StartAsync();
            var table = new AzureTableClient(TableConnectionString.Parse(_azurite.ConnectionString), "BenchState");
            _store = new TableSocStateStore(table, new StateSchema(table, time, NullLogger<StateSchema>.Instance), time);
        }
        else
        {
            _folder = Path.Combine(Path.GetTempPath(), "socbot-bench-" + Guid.NewGuid().ToString("N"));
            _store = new SqliteSocStateStore(Path.Combine(_folder, "bench.db"), "BenchState", time, NullLogger<SqliteSocStateStore>.Instance);
        }

        await SeedYearAsync();
    }

    private async Task ClaimForCompletionAsync()
    {
        var keys = new string[CompletionsPerIteration];
        for (var i = 0; i < keys.Length; i++)
        {
            var n = Interlocked.Increment(ref _counter);
            keys[i] = $"adhoc/team-1/adhoc-{n}";
            await _store.ClaimOccurrenceAsync(new OccurrenceClaim(Tenant, keys[i], "team-1", "adhoc", $"adhoc-{n}", Now.AddMinutes(n), Guid.NewGuid()), CancellationToken.None);
        }

        _claimedForCompletion = keys;
    }

    private async Task SeedYearAsync()
    {
        var analyst = new Actor("oid-analyst", "Analyst");
        var work = new List<(string Team, string Task, string Key, DateTimeOffset Due)>();
        for (var team = 0; team < 5; team++)
        {
            for (var task = 0; task < 10; task++)
            {
                var (step, count) = task switch
                {
                    < 2 => (1, 365),
                    < 6 => (7, 52),
                    _ => (30, 12),
                };
                for (var i = 0; i < count; i++)
                {
                    var due = YearStart.AddDays(i * step).AddHours(17);
                    work.Add(($"team-{team}", $"task-{task}", $"task-{task}/team-{team}/{i}", due));
                }
            }
        }

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (w, ct) =>
        {
            await _store.ClaimOccurrenceAsync(new OccurrenceClaim(Tenant, w.Key, w.Team, w.Task, w.Key.Split('/')[2], w.Due, Guid.NewGuid()), ct);
            if (w.Key.GetHashCode(StringComparison.Ordinal) % 5 != 0)
            {
                await _store.CompleteAsync(Tenant, w.Team, w.Key, analyst, "done", null, ct);
            }
        });
    }
}
