namespace SocBot.Catalog;

/// <summary>
/// The org's schedule settings, and per-team overrides for teams that work elsewhere (a CSIRT in another time zone).
/// </summary>
/// <param name="TimeZone">IANA time zone id, e.g. "Europe/London".</param>
/// <param name="Holidays">Dates with no reminders; an override's list replaces this one for that team.</param>
/// <param name="ReminderTime">Local time of day a period's reminder appears on its first working day.</param>
/// <param name="TeamOverrides">Keyed by team id.</param>
public sealed record OrgSettings(
    string TimeZone,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    TimeOnly ReminderTime,
    DueRules Due,
    IReadOnlyDictionary<string, TeamSettingsOverride> TeamOverrides)
{
    /// <summary>The settings that apply to one team: the org's, with the team's override laid over them.</summary>
    public ScheduleSettings For(string teamId)
    {
        var team = TeamOverrides.GetValueOrDefault(teamId);
        return new ScheduleSettings(
            TimeZoneInfo.FindSystemTimeZoneById(team?.TimeZone ?? TimeZone),
            (team?.WorkingDays ?? WorkingDays).ToHashSet(),
            (team?.Holidays ?? Holidays).ToHashSet(),
            team?.ReminderTime ?? ReminderTime,
            team?.Due ?? Due);
    }
}
