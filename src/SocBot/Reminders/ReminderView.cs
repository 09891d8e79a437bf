using SocBot.Enrichment;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>Everything a reminder card shows about one occurrence, resolved from the catalog and the store.</summary>
/// <param name="PostedLate">The bot was down at the reminder time and posted it on its return.</param>
/// <param name="UnboundTeamName">Set when the owning team has no channel and the card went to SOC Oversight instead.</param>
public sealed record ReminderView(
    OccurrenceCardData Data,
    string TaskTitle,
    string TaskDescription,
    string TeamName,
    string Cadence,
    string PeriodLabel,
    DateTimeOffset DueAt,
    TimeZoneInfo TimeZone,
    Uri? RunbookUrl,
    OccurrenceState State,
    Actor? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Note,
    string? Evidence,
    string? Reason,
    DateTimeOffset? SnoozedUntil,
    bool PostedLate,
    string? UnboundTeamName)
{
    public bool IsResolved => State is OccurrenceState.Completed or OccurrenceState.Skipped;

    /// <summary>Figures from Microsoft 365 that help with the task now (Secure Score, Message center), when Graph is configured.</summary>
    public LiveData? Live { get; init; }

    /// <summary>
    /// A take-over could not tell whether the first post reached Teams and posted once more: an earlier copy may be in the
    /// channel too.
    /// </summary>
    public bool PostedAgain { get; init; }

    /// <summary>An open occurrence nobody has acted on yet.</summary>
    public static ReminderView Open(
        OccurrenceCardData data,
        string taskTitle,
        string taskDescription,
        string teamName,
        string cadence,
        string periodLabel,
        DateTimeOffset dueAt,
        TimeZoneInfo timeZone,
        Uri? runbookUrl) =>
        new(data, taskTitle, taskDescription, teamName, cadence, periodLabel, dueAt, timeZone, runbookUrl,
            OccurrenceState.Open, null, null, null, null, null, null, PostedLate: false, UnboundTeamName: null);

    public ReminderView WithRecord(OccurrenceRecord record) => this with
    {
        State = record.State,
        ResolvedBy = record.ResolvedBy,
        ResolvedAt = record.ResolvedAt,
        Note = record.Note,
        Evidence = record.Evidence,
        Reason = record.Reason,
        SnoozedUntil = record.SnoozedUntil,
    };
}
