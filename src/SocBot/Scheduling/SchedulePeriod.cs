using System.Globalization;
using SocBot.Catalog;

namespace SocBot.Scheduling;

/// <summary>One cadence period as local dates [First, Last], with its key part and label.</summary>
internal sealed record SchedulePeriod(CadencePeriod Cadence, DateOnly First, DateOnly Last)
{
    public string Label => Cadence switch
    {
        CadencePeriod.Daily => First.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
        CadencePeriod.Weekly => string.Create(CultureInfo.InvariantCulture, $"Week {ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue))} {ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue))}"),
        CadencePeriod.Monthly => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        CadencePeriod.Quarterly => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter(First)} {First.Year}"),
        _ => throw new InvalidOperationException($"No period for cadence {Cadence}."),
    };

    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public OccurrenceKey Key(string taskId, string teamId) => Cadence switch
    {
        CadencePeriod.Daily => OccurrenceKey.ForDay(taskId, teamId, First),
        CadencePeriod.Weekly => OccurrenceKey.ForIsoWeek(taskId, teamId, First),
        CadencePeriod.Monthly => OccurrenceKey.ForMonth(taskId, teamId, First.Year, First.Month),
        CadencePeriod.Quarterly => OccurrenceKey.ForQuarter(taskId, teamId, First.Year, Quarter(First)),
        _ => throw new InvalidOperationException($"No period for cadence {Cadence}."),
    };

    /// <summary>The period containing <paramref name="day"/>.</summary>
    public static SchedulePeriod Containing(CadencePeriod cadence, DateOnly day)
    {
        switch (cadence)
        {
            case CadencePeriod.Daily:
                return new SchedulePeriod(cadence, day, day);
            case CadencePeriod.Weekly:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new SchedulePeriod(cadence, monday, monday.AddDays(6));
            case CadencePeriod.Monthly:
                var first = new DateOnly(day.Year, day.Month, 1);
                return new SchedulePeriod(cadence, first, first.AddMonths(1).AddDays(-1));
            case CadencePeriod.Quarterly:
                var quarterStart = new DateOnly(day.Year, ((Quarter(day) - 1) * 3) + 1, 1);
                return new SchedulePeriod(cadence, quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            default:
                throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Only scheduled cadences have periods.");
        }
    }

    /// <summary>Every period that shares at least one day with [<paramref name="firstDay"/>, <paramref name="lastDay"/>].</summary>
    public static IEnumerable<SchedulePeriod> Covering(CadencePeriod cadence, DateOnly firstDay, DateOnly lastDay)
    {
        for (var period = Containing(cadence, firstDay); period.First <= lastDay; period = Containing(cadence, period.Last.AddDays(1)))
        {
            yield return period;
        }
    }

    /// <summary>The period a key's period part names, when it is of the cadence's kind.</summary>
    public static SchedulePeriod? FromKey(CadencePeriod cadence, string period)
    {
        var culture = CultureInfo.InvariantCulture;
        switch (cadence)
        {
            case CadencePeriod.Daily when DateOnly.TryParseExact(period, "yyyy-MM-dd", culture, DateTimeStyles.None, out var day):
                return Containing(cadence, day);
            case CadencePeriod.Weekly when period.Length == 8 && period[4..6] == "-W":
                return Containing(cadence, DateOnly.FromDateTime(ISOWeek.ToDateTime(int.Parse(period[..4], culture), int.Parse(period[6..], culture), DayOfWeek.Monday)));
            case CadencePeriod.Monthly when DateOnly.TryParseExact(period, "yyyy-MM", culture, DateTimeStyles.None, out var month):
                return Containing(cadence, month);
            case CadencePeriod.Quarterly when period.Length == 7 && period[4..6] == "-Q":
                return Containing(cadence, new DateOnly(int.Parse(period[..4], culture), ((period[6] - '1') * 3) + 1, 1));
            default:
                return null;
        }
    }

    private static int Quarter(DateOnly day) => ((day.Month - 1) / 3) + 1;
}
