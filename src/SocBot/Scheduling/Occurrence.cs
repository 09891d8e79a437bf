using SocBot.Catalog;

namespace SocBot.Scheduling;

/// <summary>
/// One time a team has to do a task: reminded at <paramref name="RemindAt"/>, due at <paramref name="DueAt"/>.
/// Both carry the team's local UTC offset. <paramref name="Key"/> identifies it for exactly-once posting and completion.
/// </summary>
/// <param name="PeriodLabel">The period for people: "Mon 5 Jan 2026", "Week 1 2026", "January 2026", "Q1 2026", "As needed".</param>
public sealed record Occurrence(
    OccurrenceKey Key,
    MaintenanceTask Task,
    string TeamId,
    DateTimeOffset RemindAt,
    DateTimeOffset DueAt,
    string PeriodLabel);
