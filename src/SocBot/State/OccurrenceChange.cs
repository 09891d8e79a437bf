using System.Globalization;

namespace SocBot.State;

/// <summary>
/// One step of an occurrence's life: when it may happen, what it changes, and what the audit log says about it. Both
/// stores apply these the same way (read, check, write guarded by the version read, with the audit row), so the rules
/// live here once. A resolved occurrence is never changed again, which is what makes completion exactly-once.
/// </summary>
internal sealed record OccurrenceChange(
    OccurrenceRef At,
    Func<OccurrenceRecord, OccurrenceUpdateOutcome> Precondition,
    Func<OccurrenceRecord, OccurrenceRecord> Apply,
    AuditEntry? Audit)
{
    /// <summary>The record a new claim writes: open, claimed now, with nothing posted yet.</summary>
    public static OccurrenceRecord Opened(OccurrenceClaim claim, DateTimeOffset now) => new(
        claim.TenantId, claim.OccurrenceKey, claim.TeamId, claim.TaskId, claim.Period, claim.DueAt, OccurrenceState.Open,
        now, claim.ClaimId, null, null, null, null, null, null, null, null);

    /// <summary>The audit entry written with a new claim, in the same transaction.</summary>
    public static AuditEntry Claimed(OccurrenceClaim claim, DateTimeOffset now) =>
        new OccurrenceRef(claim.TenantId, claim.TeamId, claim.OccurrenceKey)
            .Audit(AuditActions.Claimed, Actor.Bot, now, "due " + claim.DueAt.ToString("O", CultureInfo.InvariantCulture));

    public static OccurrenceChange Posted(OccurrenceRef at, string conversationId, string activityId, DateTimeOffset now) => new(
        at,
        _ => OccurrenceUpdateOutcome.Applied,
        r => r with { ConversationId = conversationId, ActivityId = activityId },
        at.Audit(AuditActions.Posted, Actor.Bot, now, $"{conversationId} {activityId}"));

    /// <summary>Only the claim that is posting may record how its attempt went, and only until a card is posted.</summary>
    public static OccurrenceChange PostAttempt(OccurrenceRef at, Guid claimId, PostAttempt attempt, string detail, DateTimeOffset now) => new(
        at,
        r => r.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved
            : r.ClaimId != claimId || r.IsPosted ? OccurrenceUpdateOutcome.Unchanged
            : OccurrenceUpdateOutcome.Applied,
        r => r with { LastPostAttempt = attempt },
        at.Audit(AuditActions.Of(attempt), Actor.Bot, now, detail));

    public static OccurrenceChange Complete(OccurrenceRef at, Actor by, string? note, string? evidence, DateTimeOffset now) => new(
        at,
        Unresolved,
        r => r with { State = OccurrenceState.Completed, ResolvedBy = by, ResolvedAt = now, Note = note, Evidence = evidence },
        at.Audit(AuditActions.Completed, by, now, note));

    public static OccurrenceChange Skip(OccurrenceRef at, Actor by, string reason, DateTimeOffset now) => new(
        at,
        Unresolved,
        r => r with { State = OccurrenceState.Skipped, ResolvedBy = by, ResolvedAt = now, Reason = reason },
        at.Audit(AuditActions.Skipped, by, now, reason));

    public static OccurrenceChange Snooze(OccurrenceRef at, Actor by, DateTimeOffset until, DateTimeOffset now) => new(
        at,
        Unresolved,
        r => r with { State = OccurrenceState.Snoozed, SnoozedUntil = until },
        at.Audit(AuditActions.Snoozed, by, now, "until " + until.ToString("O", CultureInfo.InvariantCulture)));

    public static OccurrenceChange EndSnooze(OccurrenceRef at, DateTimeOffset now) => new(
        at,
        r => r.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved
            : r.State != OccurrenceState.Snoozed ? OccurrenceUpdateOutcome.Unchanged
            : OccurrenceUpdateOutcome.Applied,
        r => r with { State = OccurrenceState.Open, SnoozedUntil = null },
        at.Audit(AuditActions.SnoozeEnded, Actor.Bot, now, null));

    public static OccurrenceChange Escalate(OccurrenceRef at, Actor by, string? note, DateTimeOffset now) => new(
        at,
        Unresolved,
        r => r with { State = OccurrenceState.Escalated, SnoozedUntil = null },
        at.Audit(AuditActions.Escalated, by, now, note));

    /// <summary>
    /// A claim that never posted may be taken over once it is stale, or at once when its pass deferred it; a posted or
    /// resolved occurrence keeps its claim.
    /// </summary>
    public static OccurrenceChange TakeOverClaim(OccurrenceRef at, Guid staleClaimId, Guid newClaimId, TimeSpan staleAfter, DateTimeOffset now) => new(
        at,
        r => r.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved
            : r.ClaimId != staleClaimId || r.IsPosted || (r.LastPostAttempt != State.PostAttempt.Deferred && now - r.ClaimedAt < staleAfter) ? OccurrenceUpdateOutcome.Unchanged
            : OccurrenceUpdateOutcome.Applied,
        r => r with { ClaimId = newClaimId, ClaimedAt = now, LastPostAttempt = null },
        at.Audit(AuditActions.ClaimTakenOver, Actor.Bot, now, $"claim {staleClaimId:N} had not posted"));

    public static OccurrenceChange AdvanceEscalation(OccurrenceRef at, int fromStage, int toStage, string detail, DateTimeOffset now) => new(
        at,
        r => r.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved
            : r.EscalationStage != fromStage ? OccurrenceUpdateOutcome.Unchanged
            : OccurrenceUpdateOutcome.Applied,
        r => r with { EscalationStage = toStage, EscalationHeldUntil = null },
        at.Audit(AuditActions.EscalationAdvanced, Actor.Bot, now, $"stage {fromStage} → {toStage}: {detail}"));

    /// <summary>Holds the occurrence at its stage while the next stage's message goes out, so two passes never both send it; not audited.</summary>
    public static OccurrenceChange HoldEscalation(OccurrenceRef at, int stage, TimeSpan holdFor, DateTimeOffset now) => new(
        at,
        r => r.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved
            : r.EscalationStage != stage || r.EscalationHeldUntil > now ? OccurrenceUpdateOutcome.Unchanged
            : OccurrenceUpdateOutcome.Applied,
        r => r with { EscalationHeldUntil = now + holdFor },
        Audit: null);

    public static OccurrenceChange ReleaseEscalation(OccurrenceRef at, int stage) => new(
        at,
        r => r.EscalationStage == stage && r.EscalationHeldUntil is not null ? OccurrenceUpdateOutcome.Applied : OccurrenceUpdateOutcome.Unchanged,
        r => r with { EscalationHeldUntil = null },
        Audit: null);

    private static OccurrenceUpdateOutcome Unresolved(OccurrenceRecord record) =>
        record.IsResolved ? OccurrenceUpdateOutcome.AlreadyResolved : OccurrenceUpdateOutcome.Applied;
}

/// <summary>Which occurrence a change is for: the team's partition and the occurrence's key.</summary>
internal readonly record struct OccurrenceRef(string TenantId, string TeamId, string OccurrenceKey)
{
    public AuditEntry Audit(string action, Actor by, DateTimeOffset at, string? detail) =>
        new(TenantId, TeamId, OccurrenceKey, action, by, at, detail);
}
