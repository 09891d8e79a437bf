using System.Globalization;
using SocBot.Scheduling;

namespace SocBot.Reports;

/// <summary>An ISO week in the org's time zone, as instants [Start, End): the period `status` reports on.</summary>
public sealed record ReportWeek(int IsoYear, int IsoWeek, DateOnly Monday, DateTimeOffset Start, DateTimeOffset End)
{
    public static ReportWeek Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return new ReportWeek(
            ISOWeek.GetYear(date),
            ISOWeek.GetWeekOfYear(date),
            monday,
            LocalClock.ToInstant(monday, TimeOnly.MinValue, zone),
            LocalClock.ToInstant(monday.AddDays(7), TimeOnly.MinValue, zone));
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"week {IsoWeek} {IsoYear} ({Monday:ddd d MMM} – {Monday.AddDays(6):ddd d MMM})");
}
