namespace SocBot.Catalog;

/// <summary>A team's departures from the org settings; each null keeps the org's value.</summary>
public sealed record TeamSettingsOverride(
    string? TimeZone,
    IReadOnlyList<DayOfWeek>? WorkingDays,
    IReadOnlyList<DateOnly>? Holidays,
    TimeOnly? ReminderTime,
    DueRules? Due);
