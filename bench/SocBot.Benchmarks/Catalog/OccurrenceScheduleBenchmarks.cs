using BenchmarkDotNet.Attributes;
using SocBot.Catalog;
using SocBot.Scheduling;

namespace SocBot.Benchmarks.Catalog;

/// <summary>
/// Listing occurrences of the shipped catalog (in Europe/London, with a cron-overridden task) over the windows callers
/// ask for: an hour (a reminder pass), a week (`schedule` for a SOC lead) and a year (a report or a simulation).
/// </summary>
[MemoryDiagnoser]
public class OccurrenceScheduleBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 23, 8, 30, 0, TimeSpan.Zero);

    private OccurrenceSchedule _schedule = null!;

    [Params("hour", "week", "year")]
    public string Window { get; set; } = "";

    [GlobalSetup]
    public void BuildSchedule()
    {
        var shipped = CatalogLoader.LoadDefault();
        var tasks = shipped.Tasks
            .Select(t => t.Id == "generate-secure-score-report" ? t with { ScheduleOverride = new ScheduleOverride("0 30 7 ? * TUE", TimeSpan.FromHours(8)) } : t)
            .ToList();
        var catalog = shipped with { Tasks = tasks, Settings = shipped.Settings with { TimeZone = "Europe/London" } };
        _schedule = new OccurrenceSchedule(new FixedCatalogSource(catalog));
    }

    [Benchmark]
    public int List()
    {
        var length = Window switch
        {
            "hour" => TimeSpan.FromHours(1),
            "week" => TimeSpan.FromDays(7),
            _ => TimeSpan.FromDays(365),
        };
        return _schedule.List(Start, Start + length).Count;
    }
}
