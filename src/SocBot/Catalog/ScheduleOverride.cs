namespace SocBot.Catalog;

/// <summary>
/// A per-task schedule: the first firing of <paramref name="Cron"/> (Quartz syntax, evaluated in the team's time zone)
/// in each cadence period becomes the reminder, and the occurrence is due <paramref name="DueAfter"/> later.
/// </summary>
public sealed record ScheduleOverride(string Cron, TimeSpan DueAfter);
