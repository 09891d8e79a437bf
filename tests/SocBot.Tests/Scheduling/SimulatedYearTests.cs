using SocBot.Catalog;
using SocBot.Scheduling;

namespace SocBot.Tests.Scheduling;

/// <summary>A whole year of the shipped catalog, as the scheduler will walk it.</summary>
public sealed class SimulatedYearTests
{
    /// <summary>England's 2026 bank holidays, all on weekdays.</summary>
    private static readonly DateOnly[] UkHolidays2026 =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4),
        new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
    ];

    [Fact]
    public void List_DefaultCatalogFor2026_EveryKeyUniqueAndParsable()
    {
        var occurrences = ListYear(CatalogLoader.LoadDefault());

        var keys = occurrences.Select(o => o.Key.ToString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(occurrences, o => Assert.Equal(o.Key, OccurrenceKey.Parse(o.Key.ToString())));
        Assert.All(occurrences, o => Assert.Equal((o.Task.Id, o.TeamId), (o.Key.TaskId, o.Key.TeamId)));
    }

    [Fact]
    public void List_DefaultCatalogFor2026_PeriodsOfATaskAndTeamNeverOverlap()
    {
        var occurrences = ListYear(CatalogLoader.LoadDefault());

        foreach (var series in occurrences.GroupBy(o => (o.Task.Id, o.TeamId)))
        {
            var ordered = series.OrderBy(o => o.RemindAt).ToList();
            Assert.All(ordered, o => Assert.True(o.RemindAt < o.DueAt, $"{o.Key} is due before its reminder"));
            foreach (var (previous, next) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.True(previous.DueAt <= next.RemindAt, $"{previous.Key} is still open when {next.Key} is reminded");
            }
        }
    }

    [Fact]
    public void List_DefaultCatalogFor2026_CountsMatchCadenceAndWorkingDays()
    {
        var catalog = CatalogLoader.LoadDefault();

        var counts = ListYear(catalog).CountBy(o => (o.Task.Id, o.TeamId)).ToDictionary();

        // 2026: 261 weekdays; 52 ISO weeks start on a Monday inside the year (week 1 began on 29 December 2025).
        Assert.Equal(261, WeekdaysIn2026(_ => false));
        foreach (var task in catalog.Tasks)
        {
            foreach (var team in catalog.TeamsFor(task))
            {
                var expected = task.Cadence.Period switch
                {
                    CadencePeriod.Daily => 261,
                    CadencePeriod.Weekly => 52,
                    CadencePeriod.Monthly => 12,
                    CadencePeriod.Quarterly => 4,
                    _ => 0,
                };
                Assert.Equal(expected, counts.GetValueOrDefault((task.Id, team.Id)));
            }
        }

        Assert.Equal(5, counts.Keys.Count(k => k.Id == "update-soc-escalation-tickets"));
        Assert.DoesNotContain(counts.Keys, k => k.Id == "run-ir-tabletop-exercise");
    }

    [Fact]
    public void List_DefaultCatalogInLondonWithBankHolidays_SkipsHolidaysAndStaysAtNineLocal()
    {
        var shipped = CatalogLoader.LoadDefault();
        var catalog = shipped with { Settings = shipped.Settings with { TimeZone = "Europe/London", Holidays = UkHolidays2026 } };

        var occurrences = ListYear(catalog, "Europe/London");

        var daily = occurrences.Where(o => o.Task.Id == "update-soc-escalation-tickets" && o.TeamId == "csirt").ToList();
        Assert.Equal(WeekdaysIn2026(d => UkHolidays2026.Contains(d)), daily.Count);
        Assert.Equal(253, daily.Count);
        Assert.Equal(52, occurrences.Count(o => o.Task.Id == "portal-or-license-management"));
        Assert.Equal(12, occurrences.Count(o => o.Task.Id == "update-anti-phishing-data-loss-prevention-campaigns"));
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.All(occurrences, o =>
        {
            var local = TimeZoneInfo.ConvertTime(o.RemindAt, london);
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local.DateTime));
            Assert.DoesNotContain(DateOnly.FromDateTime(local.DateTime), UkHolidays2026);
            Assert.InRange(local.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
        });
        Assert.Equal("portal-or-license-management/soc-oversight/2026-W15", occurrences.Single(o => o.Task.Id == "portal-or-license-management" && o.RemindAt.Month == 4 && o.RemindAt.Day == 7).Key.ToString());
    }

    private static IReadOnlyList<Occurrence> ListYear(SocCatalog catalog, string zoneId = "Etc/UTC")
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, 1, 1)));
        var to = new DateTimeOffset(2027, 1, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2027, 1, 1)));
        return new OccurrenceSchedule(new FixedCatalogSource(catalog)).List(from, to);
    }

    private static int WeekdaysIn2026(Func<DateOnly, bool> isHoliday)
    {
        var count = 0;
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isHoliday(day))
            {
                count++;
            }
        }

        return count;
    }
}
