using Azure;
using SocBot.Storage;

namespace SocBot.State;

public sealed partial class TableSocStateStore
{
    public async Task<OccurrenceClaimResult> ClaimOccurrenceAsync(OccurrenceClaim claim, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var partition = StateKeys.OccurrencePartition(claim.TenantId, claim.TeamId);
        var now = time.GetUtcNow();
        var record = OccurrenceChange.Opened(claim, now);
        var dueRow = StateKeys.DueRow(claim.DueAt, claim.OccurrenceKey);
        var guard = new TableEntity(partition, StateKeys.ClaimRow(claim.OccurrenceKey))
        {
            ["OccurrenceKey"] = claim.OccurrenceKey,
            ["DueRow"] = dueRow,
            ["ClaimId"] = claim.ClaimId,
        };
        var audit = OccurrenceChange.Claimed(claim, now);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, guard),
                    new(TableTransactionActionType.Add, ToEntity(partition, dueRow, record)),
                    AuditAction(partition, audit),
                ],
                cancellationToken);
            return new OccurrenceClaimResult(true, record);
        }
        catch (TableTransactionFailedException e) when (e.ErrorCode == TableErrorCode.EntityAlreadyExists)
        {
            var existing = await ReadOccurrenceAsync(claim.TenantId, claim.TeamId, claim.OccurrenceKey, cancellationToken)
                ?? throw new InvalidDataException($"Occurrence {claim.OccurrenceKey} has a claim but no occurrence row.");

            // Our own earlier attempt may have landed with its reply lost; the claim id tells.
            return new OccurrenceClaimResult(existing.Record.ClaimId == claim.ClaimId, existing.Record);
        }
    }

    public async Task<OccurrenceRecord?> GetOccurrenceAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        return (await ReadOccurrenceAsync(tenantId, teamId, occurrenceKey, cancellationToken))?.Record;
    }

    public Task<OccurrenceUpdateResult> RecordPostedAsync(string tenantId, string teamId, string occurrenceKey, string conversationId, string activityId, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Posted(new(tenantId, teamId, occurrenceKey), conversationId, activityId, time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> RecordPostAttemptAsync(string tenantId, string teamId, string occurrenceKey, Guid claimId, PostAttempt attempt, string detail, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.PostAttempt(new(tenantId, teamId, occurrenceKey), claimId, attempt, detail, time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> CompleteAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, string? evidence, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Complete(new(tenantId, teamId, occurrenceKey), by, note, evidence, time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> SkipAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Skip(new(tenantId, teamId, occurrenceKey), by, reason, time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> SnoozeAsync(string tenantId, string teamId, string occurrenceKey, Actor by, DateTimeOffset until, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Snooze(new(tenantId, teamId, occurrenceKey), by, until, time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> EscalateAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Escalate(new(tenantId, teamId, occurrenceKey), by, note, time.GetUtcNow()), cancellationToken);

    public async Task<OccurrenceClaimResult> TakeOverClaimAsync(string tenantId, string teamId, string occurrenceKey, Guid staleClaimId, Guid newClaimId, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var change = OccurrenceChange.TakeOverClaim(new(tenantId, teamId, occurrenceKey), staleClaimId, newClaimId, staleAfter, time.GetUtcNow());
        var occurrence = (await ChangeAsync(change, cancellationToken)).Occurrence
            ?? throw new InvalidOperationException($"Occurrence {occurrenceKey} of team {teamId} was never claimed, so its claim cannot be taken over.");

        // Our own earlier take-over may have landed with its reply lost.
        return new OccurrenceClaimResult(occurrence.ClaimId == newClaimId, occurrence);
    }

    public Task<OccurrenceUpdateResult> EndSnoozeAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.EndSnooze(new(tenantId, teamId, occurrenceKey), time.GetUtcNow()), cancellationToken);

    public async Task<bool> AdvanceEscalationAsync(string tenantId, string teamId, string occurrenceKey, int fromStage, int toStage, string detail, CancellationToken cancellationToken) =>
        (await ChangeAsync(OccurrenceChange.AdvanceEscalation(new(tenantId, teamId, occurrenceKey), fromStage, toStage, detail, time.GetUtcNow()), cancellationToken)).Outcome == OccurrenceUpdateOutcome.Applied;

    public async Task<bool> HoldEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, TimeSpan holdFor, CancellationToken cancellationToken) =>
        (await ChangeAsync(OccurrenceChange.HoldEscalation(new(tenantId, teamId, occurrenceKey), stage, holdFor, time.GetUtcNow()), cancellationToken)).Outcome == OccurrenceUpdateOutcome.Applied;

    public async Task ReleaseEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, CancellationToken cancellationToken) =>
        await ChangeAsync(OccurrenceChange.ReleaseEscalation(new(tenantId, teamId, occurrenceKey), stage), cancellationToken);

    public async Task<IReadOnlyList<OccurrenceRecord>> ListTeamOccurrencesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        return await table.QueryAsync(DueRangeFilter(tenantId, teamId, dueFrom, dueTo), null, null, cancellationToken)
            .Select(ToRecord).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OccurrenceRecord>> ListTaskHistoryAsync(string tenantId, string teamId, string taskId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var filter = DueRangeFilter(tenantId, teamId, dueFrom, dueTo) + TableFilter.Create($" and TaskId eq {taskId}");
        return await table.QueryAsync(filter, null, null, cancellationToken).Select(ToRecord).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WeeklyCompletionRate>> GetWeeklyCompletionRatesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var rows = await table.QueryAsync(DueRangeFilter(tenantId, teamId, dueFrom, dueTo), ["State", "DueAt"], null, cancellationToken)
            .Select(e => (Due: e.GetDateTimeOffset("DueAt")!.Value.UtcDateTime, State: ParseState(e.GetString("State"))))
            .ToListAsync(cancellationToken);
        return WeeklyCompletionRates.Count(teamId, rows);
    }

    /// <summary>
    /// Read, check the precondition, change, write back with If-Match plus an audit entry, in one transaction; on a lost race
    /// read again and re-check. A resolved occurrence is never changed again, which is what makes completion exactly-once.
    /// </summary>
    private async Task<OccurrenceUpdateResult> ChangeAsync(OccurrenceChange change, CancellationToken cancellationToken)
    {
        var (tenantId, teamId, occurrenceKey) = change.At;
        await schema.EnsureAsync(cancellationToken);
        var partition = StateKeys.OccurrencePartition(tenantId, teamId);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (await ReadOccurrenceAsync(tenantId, teamId, occurrenceKey, cancellationToken) is not { } current)
            {
                return new OccurrenceUpdateResult(OccurrenceUpdateOutcome.NotFound, null);
            }

            if (change.Precondition(current.Record) is var outcome && outcome != OccurrenceUpdateOutcome.Applied)
            {
                return new OccurrenceUpdateResult(outcome, current.Record);
            }

            var updated = change.Apply(current.Record);
            try
            {
                TableTransactionAction write = new(TableTransactionActionType.UpdateReplace, ToEntity(partition, current.RowKey, updated), current.ETag);
                await table.SubmitTransactionAsync(change.Audit is null ? [write] : [write, AuditAction(partition, change.Audit)], cancellationToken);
                return new OccurrenceUpdateResult(OccurrenceUpdateOutcome.Applied, updated);
            }
            catch (TableTransactionFailedException e) when (e.Status == 412 && e.FailedActionIndex == 0)
            {
            }
        }

        throw new TableConcurrencyException($"Occurrence {occurrenceKey} kept changing under {MaxConcurrencyRetries} attempts to update it.");
    }

    private async Task<(OccurrenceRecord Record, ETag ETag, string RowKey)?> ReadOccurrenceAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken)
    {
        var partition = StateKeys.OccurrencePartition(tenantId, teamId);
        var guard = await table.GetEntityIfExistsAsync(partition, StateKeys.ClaimRow(occurrenceKey), cancellationToken);
        if (guard?.GetString("DueRow") is not { } dueRow)
        {
            return null;
        }

        var entity = await table.GetEntityIfExistsAsync(partition, dueRow, cancellationToken);
        return entity is null ? null : (ToRecord(entity), entity.ETag, dueRow);
    }

    private static string DueRangeFilter(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo) =>
        TableFilter.Create($"PartitionKey eq {StateKeys.OccurrencePartition(tenantId, teamId)} and RowKey ge {StateKeys.DueBound(dueFrom)} and RowKey lt {StateKeys.DueBound(dueTo)}");

    private static TableEntity ToEntity(string partition, string rowKey, OccurrenceRecord record) => new(partition, rowKey)
    {
        ["TenantId"] = record.TenantId,
        ["OccurrenceKey"] = record.OccurrenceKey,
        ["TeamId"] = record.TeamId,
        ["TaskId"] = record.TaskId,
        ["Period"] = record.Period,
        ["DueAt"] = record.DueAt,
        ["State"] = record.State.ToString(),
        ["ClaimedAt"] = record.ClaimedAt,
        ["ClaimId"] = record.ClaimId,
        ["ConversationId"] = record.ConversationId,
        ["ActivityId"] = record.ActivityId,
        ["SnoozedUntil"] = record.SnoozedUntil,
        ["ResolvedByAadObjectId"] = record.ResolvedBy?.AadObjectId,
        ["ResolvedByName"] = record.ResolvedBy?.Name,
        ["ResolvedAt"] = record.ResolvedAt,
        ["Note"] = record.Note,
        ["Evidence"] = record.Evidence,
        ["Reason"] = record.Reason,
        ["EscalationStage"] = record.EscalationStage,
        ["EscalationHeldUntil"] = record.EscalationHeldUntil,
        ["LastPostAttempt"] = record.LastPostAttempt?.ToString(),
    };

    private static OccurrenceRecord ToRecord(TableEntity entity) => new(
        entity.GetString("TenantId") ?? "",
        entity.GetString("OccurrenceKey") ?? "",
        entity.GetString("TeamId") ?? "",
        entity.GetString("TaskId") ?? "",
        entity.GetString("Period") ?? "",
        entity.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        ParseState(entity.GetString("State")),
        entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        entity.GetGuid("ClaimId") ?? Guid.Empty,
        entity.GetString("ConversationId"),
        entity.GetString("ActivityId"),
        entity.GetDateTimeOffset("SnoozedUntil"),
        entity.GetString("ResolvedByAadObjectId") is { } id ? new Actor(id, entity.GetString("ResolvedByName") ?? "") : null,
        entity.GetDateTimeOffset("ResolvedAt"),
        entity.GetString("Note"),
        entity.GetString("Evidence"),
        entity.GetString("Reason"),
        entity.GetInt32("EscalationStage") ?? 0,
        entity.GetDateTimeOffset("EscalationHeldUntil"),
        Enum.TryParse<PostAttempt>(entity.GetString("LastPostAttempt"), out var attempt) ? attempt : null);

    private static OccurrenceState ParseState(string? state) =>
        Enum.TryParse<OccurrenceState>(state, out var parsed) ? parsed : throw new InvalidDataException($"'{state}' is not an occurrence state.");
}
