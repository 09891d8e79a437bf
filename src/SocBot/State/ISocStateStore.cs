using SocBot.Conversations;

namespace SocBot.State;

/// <summary>
/// Everything SocBot keeps: conversation references, channel bindings, occurrences with their resolution, the audit log,
/// the reminder heartbeat. Two backends: Azure Table Storage (<see cref="TableSocStateStore"/>) and SQLite (<see cref="Sqlite.SqliteSocStateStore"/>).
/// Every write that changes SOC state appends an audit entry in the same transaction.
/// </summary>
public interface ISocStateStore : IConversationReferenceStore
{
    /// <summary>Every tenant SocBot has a conversation reference or channel binding in: the tenants a reminder pass serves.</summary>
    Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken);

    Task UpsertChannelBindingAsync(TeamChannelBinding binding, CancellationToken cancellationToken);

    Task<TeamChannelBinding?> GetChannelBindingAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamChannelBinding>> ListChannelBindingsAsync(string tenantId, CancellationToken cancellationToken);

    Task<bool> RemoveChannelBindingAsync(string tenantId, string teamId, Actor by, CancellationToken cancellationToken);

    /// <summary>Claims an occurrence by conditional insert: exactly one caller per key gets <c>Claimed</c>, even across processes.</summary>
    Task<OccurrenceClaimResult> ClaimOccurrenceAsync(OccurrenceClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a claim whose holder never posted (it crashed or its post failed): succeeds only while the stored claim is
    /// still <paramref name="staleClaimId"/>, unposted, unresolved and at least <paramref name="staleAfter"/> old (or its post
    /// was deferred by the pacer, which hands it to the next pass at once), so of
    /// several instances taking over one wins. The age is measured on the store's clock, which stamped the claim, not on a
    /// pass's instant: a pass run at an explicit instant (<c>remind --at</c>) neither keeps a dead claim forever nor takes
    /// over a live one.
    /// </summary>
    Task<OccurrenceClaimResult> TakeOverClaimAsync(string tenantId, string teamId, string occurrenceKey, Guid staleClaimId, Guid newClaimId, TimeSpan staleAfter, CancellationToken cancellationToken);

    Task<OccurrenceRecord?> GetOccurrenceAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken);

    /// <summary>Records where the reminder was posted, so the card can be updated and a crash after posting does not post again.</summary>
    Task<OccurrenceUpdateResult> RecordPostedAsync(string tenantId, string teamId, string occurrenceKey, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Notes what claim <paramref name="claimId"/>'s failed post came to, with an audit entry; <c>Unchanged</c> when the
    /// claim has moved on or the card is posted. A take-over reads it to tell a harmless re-post from a possible duplicate.
    /// </summary>
    Task<OccurrenceUpdateResult> RecordPostAttemptAsync(string tenantId, string teamId, string occurrenceKey, Guid claimId, PostAttempt attempt, string detail, CancellationToken cancellationToken);

    /// <summary>Completes once: concurrent completions race on the occurrence's ETag and all but one get <see cref="OccurrenceUpdateOutcome.AlreadyResolved"/>.</summary>
    Task<OccurrenceUpdateResult> CompleteAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, string? evidence, CancellationToken cancellationToken);

    Task<OccurrenceUpdateResult> SkipAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string reason, CancellationToken cancellationToken);

    Task<OccurrenceUpdateResult> SnoozeAsync(string tenantId, string teamId, string occurrenceKey, Actor by, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Reopens a snoozed occurrence; <see cref="OccurrenceUpdateOutcome.Unchanged"/> when it is no longer snoozed.</summary>
    Task<OccurrenceUpdateResult> EndSnoozeAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken);

    /// <summary>Moves the overdue stage from <paramref name="fromStage"/> to <paramref name="toStage"/> if it still is <paramref name="fromStage"/> and the occurrence is unresolved; true when this call moved it.</summary>
    Task<bool> AdvanceEscalationAsync(string tenantId, string teamId, string occurrenceKey, int fromStage, int toStage, string detail, CancellationToken cancellationToken);

    /// <summary>
    /// Holds an unresolved occurrence at <paramref name="stage"/> for the caller, for <paramref name="holdFor"/> on the store's
    /// clock, while the next stage's message goes out; true when no one else holds it. Advancing the stage ends the hold;
    /// holds are not audited.
    /// </summary>
    Task<bool> HoldEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, TimeSpan holdFor, CancellationToken cancellationToken);

    /// <summary>Ends a hold whose message failed, so the next pass tries the stage again.</summary>
    Task ReleaseEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, CancellationToken cancellationToken);

    Task<OccurrenceUpdateResult> EscalateAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, CancellationToken cancellationToken);

    /// <summary>A team's occurrences due in [from, to), in due order: "this period's status of every task".</summary>
    Task<IReadOnlyList<OccurrenceRecord>> ListTeamOccurrencesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken);

    /// <summary>One task's occurrences for a team, due in [from, to), in due order.</summary>
    Task<IReadOnlyList<OccurrenceRecord>> ListTaskHistoryAsync(string tenantId, string teamId, string taskId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken);

    /// <summary>Per ISO week with anything due in [from, to): how much of it the team completed.</summary>
    Task<IReadOnlyList<WeeklyCompletionRate>> GetWeeklyCompletionRatesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken);

    /// <summary>
    /// A team's audit entries (its occurrences and its channel binding) made in [from, to), oldest first; entries of the same
    /// clock tick come in no set order. Pass teamId null for every channel binding change of the tenant.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, string? teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Keeps a prepared export until it expires; content over <see cref="StoredExport"/>'s size limit of the backend is refused with <see cref="ArgumentException"/>.</summary>
    Task SaveExportAsync(StoredExport export, CancellationToken cancellationToken);

    /// <summary>The export, or null when it is unknown or has expired.</summary>
    Task<StoredExport?> GetExportAsync(string tenantId, string exportId, CancellationToken cancellationToken);

    /// <summary>Moves the heartbeat forward; an older pass finishing late never moves it back.</summary>
    Task RecordHeartbeatAsync(Heartbeat heartbeat, CancellationToken cancellationToken);

    Task<Heartbeat?> GetHeartbeatAsync(CancellationToken cancellationToken);
}
