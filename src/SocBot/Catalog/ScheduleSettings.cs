namespace SocBot.Catalog;

/// <summary>The resolved settings for one team, as the scheduler uses them.</summary>
public sealed record ScheduleSettings(
    TimeZoneInfo TimeZone,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    TimeOnly ReminderTime,
    DueRules Due)
{
    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);
}
