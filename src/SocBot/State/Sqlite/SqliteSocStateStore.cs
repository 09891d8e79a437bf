using Microsoft.Data.Sqlite;
using SocBot.Conversations;

namespace SocBot.State.Sqlite;

/// <summary>
/// <see cref="ISocStateStore"/> over a SQLite file with a schema of its own (<see cref="SqliteSchema"/>). Exactly-once comes
/// from the primary key (a claim is an INSERT that does nothing when the key is taken) and the version column: a change is
/// <c>UPDATE … WHERE version = @v</c> in one transaction with its audit row, retried on a lost race. Nothing is locked in
/// this process, so several processes can share the file.
/// </summary>
public sealed class SqliteSocStateStore : ISocStateStore, IStateStoreSchema
{
    internal const string InsertOccurrenceSql = """
        INSERT INTO occurrences (tenant_id, team_id, occurrence_key, task_id, period, due_at, state, claimed_at, claim_id, conversation_id,
            activity_id, snoozed_until, resolved_by_aad_object_id, resolved_by_name, resolved_at, note, evidence, reason, escalation_stage, escalation_held_until, last_post_attempt, version)
        VALUES ($tenant, $team, $key, $task, $period, $due, $state, $claimedAt, $claimId, $conversation,
            $activity, $snoozedUntil, $resolvedBy, $resolvedByName, $resolvedAt, $note, $evidence, $reason, $stage, $heldUntil, $lastPostAttempt, 1)
        ON CONFLICT DO NOTHING;
        """;

    internal const string InsertAuditSql = """
        INSERT INTO audit (tenant_id, team_id, occurrence_key, action, by_aad_object_id, by_name, at, detail)
        VALUES ($tenant, $team, $key, $action, $by, $byName, $at, $detail);
        """;

    internal const string UpsertBindingSql = """
        INSERT INTO channel_bindings (tenant_id, team_id, conversation_id, teams_team_id, channel_name, bound_by_aad_object_id, bound_by_name, bound_at)
        VALUES ($tenant, $team, $conversation, $teamsTeam, $channelName, $by, $byName, $at)
        ON CONFLICT (tenant_id, team_id) DO UPDATE SET conversation_id = excluded.conversation_id, teams_team_id = excluded.teams_team_id,
            channel_name = excluded.channel_name, bound_by_aad_object_id = excluded.bound_by_aad_object_id, bound_by_name = excluded.bound_by_name,
            bound_at = excluded.bound_at;
        """;

    internal const string UpsertConversationSql = """
        INSERT INTO conversation_references (tenant_id, conversation_id, conversation_type, service_url, team_id, team_name, channel_id, channel_name, bot_id, updated_at)
        VALUES ($tenant, $conversation, $type, $serviceUrl, $team, $teamName, $channel, $channelName, $bot, $at)
        ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET conversation_type = excluded.conversation_type, service_url = excluded.service_url,
            team_id = excluded.team_id, team_name = excluded.team_name, channel_id = excluded.channel_id, channel_name = excluded.channel_name,
            bot_id = excluded.bot_id, updated_at = excluded.updated_at;
        """;

    internal const string UpsertExportSql = """
        INSERT INTO exports (tenant_id, export_id, file_name, content, requested_by_aad_object_id, requested_by_name, created_at, expires_at)
        VALUES ($tenant, $id, $file, $content, $by, $byName, $created, $expires)
        ON CONFLICT (tenant_id, export_id) DO UPDATE SET file_name = excluded.file_name, content = excluded.content,
            requested_by_aad_object_id = excluded.requested_by_aad_object_id, requested_by_name = excluded.requested_by_name,
            created_at = excluded.created_at, expires_at = excluded.expires_at;
        """;

    /// <summary>Moves forward only: an older pass finishing late never moves the heartbeat back.</summary>
    internal const string UpsertHeartbeatSql = """
        INSERT INTO heartbeat (id, last_pass_completed_at, instance) VALUES (1, $at, $instance)
        ON CONFLICT (id) DO UPDATE SET last_pass_completed_at = excluded.last_pass_completed_at, instance = excluded.instance
        WHERE excluded.last_pass_completed_at > heartbeat.last_pass_completed_at;
        """;

    internal const string InsertTenantSql = "INSERT INTO tenants (tenant_id) VALUES ($tenant) ON CONFLICT DO NOTHING;";

    private const int MaxConcurrencyRetries = 20;

    private const string OccurrenceColumns = """
        tenant_id, occurrence_key, team_id, task_id, period, due_at, state, claimed_at, claim_id, conversation_id, activity_id, snoozed_until,
        resolved_by_aad_object_id, resolved_by_name, resolved_at, note, evidence, reason, escalation_stage, escalation_held_until,
        last_post_attempt, version
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;
    private readonly TimeProvider _time;

    /// <param name="v1TableName">The table of a version 1 (table-shaped) file to migrate: Storage:TableName.</param>
    public SqliteSocStateStore(string path, string v1TableName, TimeProvider time, ILogger<SqliteSocStateStore> logger)
    {
        _database = new SqliteDatabase(path);
        _schema = new SqliteSchema(_database, v1TableName, time, logger);
        _time = time;
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken) =>
        await ReadAsync("SELECT tenant_id FROM tenants ORDER BY tenant_id;", r => r.GetString(0), cancellationToken);

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await _database.WriteAsync<object>(
            async (c, t) =>
            {
                await SqliteDatabase.ExecuteAsync(c, t, InsertTenantSql, cancellationToken, ("$tenant", reference.TenantId));
                await SqliteDatabase.ExecuteAsync(c, t, UpsertConversationSql, cancellationToken,
                    ("$tenant", reference.TenantId), ("$conversation", reference.ConversationId), ("$type", reference.ConversationType),
                    ("$serviceUrl", reference.ServiceUrl.AbsoluteUri), ("$team", reference.TeamId), ("$teamName", reference.TeamName),
                    ("$channel", reference.ChannelId), ("$channelName", reference.ChannelName), ("$bot", reference.BotId),
                    ("$at", SqliteDatabase.Time(reference.UpdatedAt)));
                return true;
            },
            cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "SELECT * FROM conversation_references WHERE tenant_id = $tenant AND conversation_id = $conversation;",
            ToConversationReference, cancellationToken, ("$tenant", tenantId), ("$conversation", conversationId))).SingleOrDefault();

    public async Task RemoveAsync(string tenantId, string conversationOrTeamId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await _database.RunAsync(
            c => SqliteDatabase.ExecuteAsync(c, null, "DELETE FROM conversation_references WHERE tenant_id = $tenant AND (conversation_id = $id OR team_id = $id);",
                cancellationToken, ("$tenant", tenantId), ("$id", conversationOrTeamId)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        await ReadAsync("SELECT * FROM conversation_references WHERE tenant_id = $tenant ORDER BY conversation_id;", ToConversationReference, cancellationToken, ("$tenant", tenantId));

    public async Task UpsertChannelBindingAsync(TeamChannelBinding binding, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var audit = new AuditEntry(binding.TenantId, binding.TeamId, null, AuditActions.ChannelBound, binding.BoundBy, _time.GetUtcNow(), binding.ConversationId);
        await _database.WriteAsync<object>(
            async (c, t) =>
            {
                await SqliteDatabase.ExecuteAsync(c, t, InsertTenantSql, cancellationToken, ("$tenant", binding.TenantId));
                await SqliteDatabase.ExecuteAsync(c, t, UpsertBindingSql, cancellationToken,
                    ("$tenant", binding.TenantId), ("$team", binding.TeamId), ("$conversation", binding.ConversationId), ("$teamsTeam", binding.TeamsTeamId),
                    ("$channelName", binding.ChannelName), ("$by", binding.BoundBy.AadObjectId), ("$byName", binding.BoundBy.Name),
                    ("$at", SqliteDatabase.Time(binding.BoundAt)));
                await AppendAuditAsync(c, t, audit, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public async Task<TeamChannelBinding?> GetChannelBindingAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT * FROM channel_bindings WHERE tenant_id = $tenant AND team_id = $team;", ToBinding, cancellationToken, ("$tenant", tenantId), ("$team", teamId))).SingleOrDefault();

    public async Task<IReadOnlyList<TeamChannelBinding>> ListChannelBindingsAsync(string tenantId, CancellationToken cancellationToken) =>
        await ReadAsync("SELECT * FROM channel_bindings WHERE tenant_id = $tenant ORDER BY team_id;", ToBinding, cancellationToken, ("$tenant", tenantId));

    public async Task<bool> RemoveChannelBindingAsync(string tenantId, string teamId, Actor by, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var removed = await _database.WriteAsync<string>(
            async (c, t) =>
            {
                var conversation = (await SqliteDatabase.QueryAsync(c, t, "DELETE FROM channel_bindings WHERE tenant_id = $tenant AND team_id = $team RETURNING conversation_id;",
                    r => r.GetString(0), cancellationToken, ("$tenant", tenantId), ("$team", teamId))).SingleOrDefault();
                if (conversation is not null)
                {
                    await AppendAuditAsync(c, t, new AuditEntry(tenantId, teamId, null, AuditActions.ChannelUnbound, by, _time.GetUtcNow(), conversation), cancellationToken);
                }

                return conversation;
            },
            cancellationToken);
        return removed is not null;
    }

    public async Task<OccurrenceClaimResult> ClaimOccurrenceAsync(OccurrenceClaim claim, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var record = OccurrenceChange.Opened(claim, now);
        var audit = OccurrenceChange.Claimed(claim, now);
        var inserted = await _database.WriteAsync<object>(
            async (c, t) =>
            {
                if (await SqliteDatabase.ExecuteAsync(c, t, InsertOccurrenceSql, cancellationToken, OccurrenceParameters(record)) == 0)
                {
                    return null;
                }

                await AppendAuditAsync(c, t, audit, cancellationToken);
                return true;
            },
            cancellationToken);
        if (inserted is not null)
        {
            return new OccurrenceClaimResult(true, record);
        }

        var existing = await ReadOccurrenceAsync(claim.TenantId, claim.TeamId, claim.OccurrenceKey, cancellationToken)
            ?? throw new InvalidDataException($"Occurrence {claim.OccurrenceKey} was claimed and is gone.");

        // Our own earlier attempt may have landed with its reply lost; the claim id tells.
        return new OccurrenceClaimResult(existing.Record.ClaimId == claim.ClaimId, existing.Record);
    }

    public async Task<OccurrenceClaimResult> TakeOverClaimAsync(string tenantId, string teamId, string occurrenceKey, Guid staleClaimId, Guid newClaimId, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var change = OccurrenceChange.TakeOverClaim(new(tenantId, teamId, occurrenceKey), staleClaimId, newClaimId, staleAfter, _time.GetUtcNow());
        var occurrence = (await ChangeAsync(change, cancellationToken)).Occurrence
            ?? throw new InvalidOperationException($"Occurrence {occurrenceKey} of team {teamId} was never claimed, so its claim cannot be taken over.");

        // Our own earlier take-over may have landed with its reply lost.
        return new OccurrenceClaimResult(occurrence.ClaimId == newClaimId, occurrence);
    }

    public async Task<OccurrenceRecord?> GetOccurrenceAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken) =>
        (await ReadOccurrenceAsync(tenantId, teamId, occurrenceKey, cancellationToken))?.Record;

    public Task<OccurrenceUpdateResult> RecordPostedAsync(string tenantId, string teamId, string occurrenceKey, string conversationId, string activityId, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Posted(new(tenantId, teamId, occurrenceKey), conversationId, activityId, _time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> RecordPostAttemptAsync(string tenantId, string teamId, string occurrenceKey, Guid claimId, PostAttempt attempt, string detail, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.PostAttempt(new(tenantId, teamId, occurrenceKey), claimId, attempt, detail, _time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> CompleteAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, string? evidence, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Complete(new(tenantId, teamId, occurrenceKey), by, note, evidence, _time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> SkipAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Skip(new(tenantId, teamId, occurrenceKey), by, reason, _time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> SnoozeAsync(string tenantId, string teamId, string occurrenceKey, Actor by, DateTimeOffset until, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Snooze(new(tenantId, teamId, occurrenceKey), by, until, _time.GetUtcNow()), cancellationToken);

    public Task<OccurrenceUpdateResult> EndSnoozeAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.EndSnooze(new(tenantId, teamId, occurrenceKey), _time.GetUtcNow()), cancellationToken);

    public async Task<bool> AdvanceEscalationAsync(string tenantId, string teamId, string occurrenceKey, int fromStage, int toStage, string detail, CancellationToken cancellationToken) =>
        (await ChangeAsync(OccurrenceChange.AdvanceEscalation(new(tenantId, teamId, occurrenceKey), fromStage, toStage, detail, _time.GetUtcNow()), cancellationToken)).Outcome == OccurrenceUpdateOutcome.Applied;

    public async Task<bool> HoldEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, TimeSpan holdFor, CancellationToken cancellationToken) =>
        (await ChangeAsync(OccurrenceChange.HoldEscalation(new(tenantId, teamId, occurrenceKey), stage, holdFor, _time.GetUtcNow()), cancellationToken)).Outcome == OccurrenceUpdateOutcome.Applied;

    public async Task ReleaseEscalationAsync(string tenantId, string teamId, string occurrenceKey, int stage, CancellationToken cancellationToken) =>
        await ChangeAsync(OccurrenceChange.ReleaseEscalation(new(tenantId, teamId, occurrenceKey), stage), cancellationToken);

    public Task<OccurrenceUpdateResult> EscalateAsync(string tenantId, string teamId, string occurrenceKey, Actor by, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(OccurrenceChange.Escalate(new(tenantId, teamId, occurrenceKey), by, note, _time.GetUtcNow()), cancellationToken);

    public async Task<IReadOnlyList<OccurrenceRecord>> ListTeamOccurrencesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken) =>
        await ReadAsync(
            $"SELECT {OccurrenceColumns} FROM occurrences WHERE tenant_id = $tenant AND team_id = $team AND due_at >= $from AND due_at < $to ORDER BY due_at, occurrence_key;",
            r => ToRecord(r).Record, cancellationToken, ("$tenant", tenantId), ("$team", teamId), ("$from", SqliteDatabase.Time(dueFrom)), ("$to", SqliteDatabase.Time(dueTo)));

    public async Task<IReadOnlyList<OccurrenceRecord>> ListTaskHistoryAsync(string tenantId, string teamId, string taskId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken) =>
        await ReadAsync(
            $"SELECT {OccurrenceColumns} FROM occurrences WHERE tenant_id = $tenant AND team_id = $team AND due_at >= $from AND due_at < $to AND task_id = $task ORDER BY due_at, occurrence_key;",
            r => ToRecord(r).Record, cancellationToken, ("$tenant", tenantId), ("$team", teamId), ("$from", SqliteDatabase.Time(dueFrom)), ("$to", SqliteDatabase.Time(dueTo)), ("$task", taskId));

    public async Task<IReadOnlyList<WeeklyCompletionRate>> GetWeeklyCompletionRatesAsync(string tenantId, string teamId, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(
            "SELECT due_at, state FROM occurrences WHERE tenant_id = $tenant AND team_id = $team AND due_at >= $from AND due_at < $to;",
            r => (Due: SqliteDatabase.ParseTime(r.GetString(0)).UtcDateTime, State: Enum.Parse<OccurrenceState>(r.GetString(1))),
            cancellationToken, ("$tenant", tenantId), ("$team", teamId), ("$from", SqliteDatabase.Time(dueFrom)), ("$to", SqliteDatabase.Time(dueTo)));
        return WeeklyCompletionRates.Count(teamId, rows);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, string? teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await ReadAsync(
            teamId is null
                ? "SELECT * FROM audit WHERE tenant_id = $tenant AND occurrence_key IS NULL AND at >= $from AND at < $to ORDER BY at, id;"
                : "SELECT * FROM audit WHERE tenant_id = $tenant AND team_id = $team AND at >= $from AND at < $to ORDER BY at, id;",
            r => new AuditEntry(
                r.GetString(r.GetOrdinal("tenant_id")), Text(r, "team_id"), Text(r, "occurrence_key"), r.GetString(r.GetOrdinal("action")),
                new Actor(r.GetString(r.GetOrdinal("by_aad_object_id")), r.GetString(r.GetOrdinal("by_name"))),
                SqliteDatabase.ParseTime(r.GetString(r.GetOrdinal("at"))), Text(r, "detail")),
            cancellationToken, ("$tenant", tenantId), ("$team", teamId), ("$from", SqliteDatabase.Time(from)), ("$to", SqliteDatabase.Time(to)));

    public async Task SaveExportAsync(StoredExport export, CancellationToken cancellationToken)
    {
        if (export.Content.Length > StoredExportLimits.MaxContentBytes)
        {
            throw new ArgumentException($"An export holds at most {StoredExportLimits.MaxContentBytes} bytes; this one has {export.Content.Length}.", nameof(export));
        }

        await _schema.EnsureAsync(cancellationToken);
        await _database.RunAsync(
            c => SqliteDatabase.ExecuteAsync(c, null, UpsertExportSql, cancellationToken,
                ("$tenant", export.TenantId), ("$id", export.ExportId), ("$file", export.FileName), ("$content", export.Content),
                ("$by", export.RequestedBy.AadObjectId), ("$byName", export.RequestedBy.Name),
                ("$created", SqliteDatabase.Time(export.CreatedAt)), ("$expires", SqliteDatabase.Time(export.ExpiresAt))),
            cancellationToken);
    }

    public async Task<StoredExport?> GetExportAsync(string tenantId, string exportId, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "SELECT * FROM exports WHERE tenant_id = $tenant AND export_id = $id AND expires_at > $now;",
            r => new StoredExport(
                r.GetString(r.GetOrdinal("tenant_id")), r.GetString(r.GetOrdinal("export_id")), r.GetString(r.GetOrdinal("file_name")),
                (byte[])r["content"], new Actor(r.GetString(r.GetOrdinal("requested_by_aad_object_id")), r.GetString(r.GetOrdinal("requested_by_name"))),
                SqliteDatabase.ParseTime(r.GetString(r.GetOrdinal("created_at"))), SqliteDatabase.ParseTime(r.GetString(r.GetOrdinal("expires_at")))),
            cancellationToken, ("$tenant", tenantId), ("$id", exportId), ("$now", SqliteDatabase.Time(_time.GetUtcNow())))).SingleOrDefault();

    public async Task RecordHeartbeatAsync(Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await _database.RunAsync(
            c => SqliteDatabase.ExecuteAsync(c, null, UpsertHeartbeatSql, cancellationToken, ("$at", SqliteDatabase.Time(heartbeat.LastPassCompletedAt)), ("$instance", heartbeat.Instance)),
            cancellationToken);
    }

    public async Task<Heartbeat?> GetHeartbeatAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT last_pass_completed_at, instance FROM heartbeat WHERE id = 1;", r => new Heartbeat(SqliteDatabase.ParseTime(r.GetString(0)), r.GetString(1)), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Read, check the precondition, then in one transaction the update guarded by the version read and the audit row; on a
    /// lost race read again and re-check. A resolved occurrence is never changed again: completion is exactly-once.
    /// </summary>
    private async Task<OccurrenceUpdateResult> ChangeAsync(OccurrenceChange change, CancellationToken cancellationToken)
    {
        var (tenantId, teamId, occurrenceKey) = change.At;
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
            var applied = await _database.WriteAsync<object>(
                async (c, t) =>
                {
                    var rows = await SqliteDatabase.ExecuteAsync(
                        c,
                        t,
                        """
                        UPDATE occurrences SET state = $state, claimed_at = $claimedAt, claim_id = $claimId, conversation_id = $conversation,
                            activity_id = $activity, snoozed_until = $snoozedUntil, resolved_by_aad_object_id = $resolvedBy,
                            resolved_by_name = $resolvedByName, resolved_at = $resolvedAt, note = $note, evidence = $evidence, reason = $reason,
                            escalation_stage = $stage, escalation_held_until = $heldUntil, last_post_attempt = $lastPostAttempt,
                            version = version + 1
                        WHERE tenant_id = $tenant AND team_id = $team AND occurrence_key = $key AND version = $version;
                        """,
                        cancellationToken,
                        [.. OccurrenceParameters(updated), ("$version", current.Version)]);
                    if (rows == 0)
                    {
                        return null;
                    }

                    if (change.Audit is not null)
                    {
                        await AppendAuditAsync(c, t, change.Audit, cancellationToken);
                    }

                    return true;
                },
                cancellationToken);
            if (applied is not null)
            {
                return new OccurrenceUpdateResult(OccurrenceUpdateOutcome.Applied, updated);
            }
        }

        throw new StateStoreUnavailableException($"Occurrence {occurrenceKey} kept changing under {MaxConcurrencyRetries} attempts to update it in {_database.Path}.");
    }

    private async Task<(OccurrenceRecord Record, long Version)?> ReadOccurrenceAsync(string tenantId, string teamId, string occurrenceKey, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(
            $"SELECT {OccurrenceColumns} FROM occurrences WHERE tenant_id = $tenant AND team_id = $team AND occurrence_key = $key;",
            ToRecord, cancellationToken, ("$tenant", tenantId), ("$team", teamId), ("$key", occurrenceKey));
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.RunAsync(c => SqliteDatabase.QueryAsync(c, null, sql, read, cancellationToken, parameters), cancellationToken);
    }

    private static Task<int> AppendAuditAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        SqliteDatabase.ExecuteAsync(connection, transaction, InsertAuditSql, cancellationToken,
            ("$tenant", entry.TenantId), ("$team", entry.TeamId), ("$key", entry.OccurrenceKey), ("$action", entry.Action),
            ("$by", entry.By.AadObjectId), ("$byName", entry.By.Name), ("$at", SqliteDatabase.Time(entry.At)), ("$detail", entry.Detail));

    private static (string, object?)[] OccurrenceParameters(OccurrenceRecord r) =>
    [
        ("$tenant", r.TenantId), ("$team", r.TeamId), ("$key", r.OccurrenceKey), ("$task", r.TaskId), ("$period", r.Period),
        ("$due", SqliteDatabase.Time(r.DueAt)), ("$state", r.State.ToString()), ("$claimedAt", SqliteDatabase.Time(r.ClaimedAt)),
        ("$claimId", r.ClaimId.ToString("D")), ("$conversation", r.ConversationId), ("$activity", r.ActivityId),
        ("$snoozedUntil", r.SnoozedUntil is { } s ? SqliteDatabase.Time(s) : null), ("$resolvedBy", r.ResolvedBy?.AadObjectId),
        ("$resolvedByName", r.ResolvedBy?.Name), ("$resolvedAt", r.ResolvedAt is { } a ? SqliteDatabase.Time(a) : null),
        ("$note", r.Note), ("$evidence", r.Evidence), ("$reason", r.Reason), ("$stage", r.EscalationStage),
        ("$heldUntil", r.EscalationHeldUntil is { } h ? SqliteDatabase.Time(h) : null), ("$lastPostAttempt", r.LastPostAttempt?.ToString()),
    ];

    private static (OccurrenceRecord Record, long Version) ToRecord(SqliteDataReader r) => (
        new OccurrenceRecord(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), SqliteDatabase.ParseTime(r.GetString(5)),
            Enum.Parse<OccurrenceState>(r.GetString(6)), SqliteDatabase.ParseTime(r.GetString(7)), Guid.Parse(r.GetString(8)),
            Text(r, 9), Text(r, 10), Time(r, 11), Text(r, 12) is { } by ? new Actor(by, Text(r, 13) ?? "") : null, Time(r, 14),
            Text(r, 15), Text(r, 16), Text(r, 17), r.GetInt32(18), Time(r, 19),
            Text(r, 20) is { } attempt ? Enum.Parse<PostAttempt>(attempt) : null),
        r.GetInt64(21));

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static string? Text(SqliteDataReader r, string column) => Text(r, r.GetOrdinal(column));

    private static DateTimeOffset? Time(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : SqliteDatabase.ParseTime(r.GetString(ordinal));

    private static TeamChannelBinding ToBinding(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("tenant_id")), r.GetString(r.GetOrdinal("team_id")), r.GetString(r.GetOrdinal("conversation_id")),
        Text(r, "teams_team_id"), Text(r, "channel_name"),
        new Actor(r.GetString(r.GetOrdinal("bound_by_aad_object_id")), r.GetString(r.GetOrdinal("bound_by_name"))),
        SqliteDatabase.ParseTime(r.GetString(r.GetOrdinal("bound_at"))));

    private static ConversationReference ToConversationReference(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("tenant_id")), r.GetString(r.GetOrdinal("conversation_id")), r.GetString(r.GetOrdinal("conversation_type")),
        new Uri(r.GetString(r.GetOrdinal("service_url"))), Text(r, "team_id"), Text(r, "team_name"), Text(r, "channel_id"), Text(r, "channel_name"),
        r.GetString(r.GetOrdinal("bot_id")), SqliteDatabase.ParseTime(r.GetString(r.GetOrdinal("updated_at"))));
}
