namespace SocBot.Catalog;

/// <summary>One recurring SOC maintenance task.</summary>
/// <param name="Id">Stable id used in occurrence keys, lower-case words joined by '-'.</param>
/// <param name="OwnerTeamId">The owning team's id; null exactly when <paramref name="AllTeams"/> is true.</param>
/// <param name="AllTeams">True for "All SOC Teams" tasks: every team runs its own occurrence.</param>
/// <param name="EscalationTeamId">Who hears about overdue occurrences; SOC Oversight unless the catalog says otherwise.</param>
/// <param name="ScheduleOverride">A Quartz cron expression that replaces the cadence's reminder time, when given.</param>
/// <param name="Source">Id of the <see cref="SourceDocument"/> the entry came from; null when written by hand.</param>
public sealed record MaintenanceTask(
    string Id,
    string Title,
    string Description,
    Cadence Cadence,
    string? OwnerTeamId,
    bool AllTeams,
    Uri? RunbookUrl,
    string EscalationTeamId,
    ScheduleOverride? ScheduleOverride,
    string? Source);
