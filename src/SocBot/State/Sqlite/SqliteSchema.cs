using Microsoft.Data.Sqlite;

namespace SocBot.State.Sqlite;

/// <summary>
/// The relational schema of the embedded store and its forward migrations, applied once per process on first use, never in
/// a constructor. Version 1 is the table-shaped file of earlier SocBots (one JSON property bag per row): it is copied beside
/// itself first, then migrated in place. A file written by a newer SocBot is refused, naming both versions.
/// </summary>
internal sealed class SqliteSchema(SqliteDatabase database, string v1TableName, TimeProvider time, ILogger logger)
{
    public const int CurrentVersion = 2;

    private const string CreateV2 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);
        CREATE TABLE tenants (tenant_id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE occurrences (
            tenant_id TEXT NOT NULL, team_id TEXT NOT NULL, occurrence_key TEXT NOT NULL,
            task_id TEXT NOT NULL, period TEXT NOT NULL, due_at TEXT NOT NULL, state TEXT NOT NULL,
            claimed_at TEXT NOT NULL, claim_id TEXT NOT NULL, conversation_id TEXT, activity_id TEXT, snoozed_until TEXT,
            resolved_by_aad_object_id TEXT, resolved_by_name TEXT, resolved_at TEXT, note TEXT, evidence TEXT, reason TEXT,
            escalation_stage INTEGER NOT NULL DEFAULT 0, escalation_held_until TEXT, last_post_attempt TEXT, version INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, team_id, occurrence_key)) WITHOUT ROWID;
        CREATE INDEX occurrences_by_due ON occurrences (tenant_id, team_id, due_at);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, team_id TEXT, occurrence_key TEXT,
            action TEXT NOT NULL, by_aad_object_id TEXT NOT NULL, by_name TEXT NOT NULL, at TEXT NOT NULL, detail TEXT);
        CREATE INDEX audit_by_team ON audit (tenant_id, team_id, at);
        CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TABLE channel_bindings (
            tenant_id TEXT NOT NULL, team_id TEXT NOT NULL, conversation_id TEXT NOT NULL, teams_team_id TEXT, channel_name TEXT,
            bound_by_aad_object_id TEXT NOT NULL, bound_by_name TEXT NOT NULL, bound_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, team_id)) WITHOUT ROWID;
        CREATE TABLE conversation_references (
            tenant_id TEXT NOT NULL, conversation_id TEXT NOT NULL, conversation_type TEXT NOT NULL, service_url TEXT NOT NULL,
            team_id TEXT, team_name TEXT, channel_id TEXT, channel_name TEXT, bot_id TEXT NOT NULL, updated_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, conversation_id)) WITHOUT ROWID;
        CREATE TABLE heartbeat (id INTEGER PRIMARY KEY CHECK (id = 1), last_pass_completed_at TEXT NOT NULL, instance TEXT NOT NULL);
        CREATE TABLE exports (
            tenant_id TEXT NOT NULL, export_id TEXT NOT NULL, file_name TEXT NOT NULL, content BLOB NOT NULL,
            requested_by_aad_object_id TEXT NOT NULL, requested_by_name TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, export_id)) WITHOUT ROWID;
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(database.Path)!);
                await database.RunAsync(MigrateAsync, cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        async Task<bool> MigrateAsync(SqliteConnection connection)
        {
            await SqliteDatabase.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
            var stored = await StoredVersionAsync(connection, cancellationToken);
            if (stored > CurrentVersion)
            {
                throw Refused(stored);
            }

            if (stored == CurrentVersion)
            {
                return true;
            }

            if (stored == 1)
            {
                var backup = database.Path + ".v1-backup-" + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
                await SqliteDatabase.ExecuteAsync(connection, null, "VACUUM INTO $backup;", cancellationToken, ("$backup", backup));
                Log.SqliteBackedUp(logger, database.Path, backup);
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (await StoredVersionAsync(connection, cancellationToken, transaction) is var again && again == CurrentVersion)
            {
                return true;
            }

            await SqliteDatabase.ExecuteAsync(connection, transaction, CreateV2, cancellationToken);
            if (again == 1)
            {
                await SqliteV1Migration.RunAsync(connection, transaction, v1TableName, cancellationToken);
            }

            await SqliteDatabase.ExecuteAsync(
                connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at);", cancellationToken,
                ("$v", CurrentVersion), ("$at", SqliteDatabase.Time(time.GetUtcNow())));
            await transaction.CommitAsync(cancellationToken);
            Log.SqliteSchemaReady(logger, database.Path, again, CurrentVersion);
            return true;
        }
    }

    /// <summary>0 for an empty file, 1 for the table-shaped layout, else the highest version applied.</summary>
    private async Task<int> StoredVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var tables = await SqliteDatabase.QueryAsync(connection, transaction, "SELECT name FROM sqlite_master WHERE type = 'table';", r => r.GetString(0), cancellationToken);
        if (tables.Contains("schema_version"))
        {
            var versions = await SqliteDatabase.QueryAsync(connection, transaction, "SELECT MAX(version) FROM schema_version;", r => r.IsDBNull(0) ? 0 : r.GetInt32(0), cancellationToken);
            return versions[0];
        }

        if (!tables.Contains("socbot_entities"))
        {
            return 0;
        }

        var marker = await SqliteDatabase.QueryAsync(
            connection, transaction, "SELECT props FROM socbot_entities WHERE tbl = $tbl AND pk = '_meta' AND rk = 'schema';", r => r.GetString(0), cancellationToken, ("$tbl", v1TableName));
        var layout = marker.Count == 0 ? 1 : SqliteV1Migration.LayoutVersion(marker[0]);
        return layout == 1 ? 1 : throw new InvalidOperationException(
            $"The SQLite state store {database.Path} holds table {v1TableName} with layout version {layout}; this SocBot reads version {CurrentVersion} and migrates table layout version 1. Run the SocBot version that wrote it.");
    }

    private InvalidOperationException Refused(int stored) => new(
        $"The SQLite state store {database.Path} has schema version {stored}; this SocBot reads version {CurrentVersion}. Run the SocBot version that wrote it, or a newer one.");
}
