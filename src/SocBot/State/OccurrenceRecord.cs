namespace SocBot.State;

/// <summary>
/// One stored occurrence with its reminder and its resolution. <see cref="ResolvedBy"/>, <see cref="ResolvedAt"/> and
/// <see cref="Note"/>/<see cref="Evidence"/>/<see cref="Reason"/> are set once, when it is completed or skipped.
/// <see cref="EscalationStage"/> is the reminders feature's overdue stage (0 = none), moved by compare-and-set;
/// <see cref="EscalationHeldUntil"/> is set while one instance sends the next stage's message, so no other sends it too.
/// <see cref="LastPostAttempt"/> is what the current claim's failed post came to, null while none failed.
/// </summary>
public sealed record OccurrenceRecord(
    string TenantId,
    string OccurrenceKey,
    string TeamId,
    string TaskId,
    string Period,
    DateTimeOffset DueAt,
    OccurrenceState State,
    DateTimeOffset ClaimedAt,
    Guid ClaimId,
    string? ConversationId,
    string? ActivityId,
    DateTimeOffset? SnoozedUntil,
    Actor? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Note,
    string? Evidence,
    string? Reason,
    int EscalationStage = 0,
    DateTimeOffset? EscalationHeldUntil = null,
    PostAttempt? LastPostAttempt = null)
{
    public bool IsResolved => State is OccurrenceState.Completed or OccurrenceState.Skipped;

    public bool IsPosted => ActivityId is not null;
}
