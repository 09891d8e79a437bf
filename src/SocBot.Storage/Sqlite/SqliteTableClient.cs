using System.Data.Common;
using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Data.Sqlite;
using SocBot.Storage.Filtering;

namespace SocBot.Storage.Sqlite;

/// <summary>
/// The embedded store: one table of Table Storage in a SQLite file, with the service's semantics — conditional insert,
/// ETags, PartitionKey/RowKey order, paging with continuation tokens and partition transactions.
/// The file is in WAL mode and every write runs in a BEGIN IMMEDIATE transaction with a busy timeout, so the web host and a
/// CLI verb can share it: a writer waits for the other instead of failing, and readers never block writers.
/// </summary>
public sealed class SqliteTableClient : ITableClient
{
    private const int MaxPageSize = 1000;
    private const int ScanChunk = 1000;
    private const int MaxScannedPerPage = 5000;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeProvider _time;
    private volatile bool _tableKnown;

    public SqliteTableClient(string path, string tableName, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _path = Path.GetFullPath(path);
        Name = tableName;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await RunAsync(
            async connection =>
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    CREATE TABLE IF NOT EXISTS socbot_tables (name TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS socbot_entities (
                        tbl TEXT NOT NULL, pk TEXT NOT NULL, rk TEXT NOT NULL,
                        etag TEXT NOT NULL, ts TEXT NOT NULL, props TEXT NOT NULL,
                        PRIMARY KEY (tbl, pk, rk)) WITHOUT ROWID;
                    INSERT INTO socbot_tables (name) VALUES ($name) ON CONFLICT DO NOTHING;
                    """,
                    cancellationToken,
                    ("$name", Name));
                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);
        _tableKnown = true;
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken) =>
        await TryAddEntityAsync(entity, cancellationToken)
        ?? throw new TableEntityAlreadyExistsException(Describe(entity) + " already exists.");

    public Task<ETag?> TryAddEntityAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        return WriteAsync<ETag?>(async (c, t) => await InsertAsync(c, t, entity, cancellationToken), cancellationToken);
    }

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        return WriteAsync((c, t) => UpsertAsync(c, t, entity, mode, cancellationToken), cancellationToken);
    }

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag it read, or ETag.All on purpose.", nameof(ifMatch));
        }

        TableEntityLimits.Validate(entity);
        return WriteAsync((c, t) => UpdateAsync(c, t, entity, ifMatch, mode, cancellationToken), cancellationToken);
    }

    public Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => DeleteAsync(c, t, partitionKey, rowKey, ifMatch, cancellationToken), cancellationToken);

    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        ReadAsync(c => ReadEntityAsync(c, null, partitionKey, rowKey, cancellationToken), cancellationToken);

    public Task<TablePage> QueryPageAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken)
    {
        var node = string.IsNullOrWhiteSpace(filter) ? null : FilterParser.Parse(filter);
        var top = Math.Clamp(maxPerPage ?? MaxPageSize, 1, MaxPageSize);
        var after = ContinuationToken.Parse(continuationToken);
        return ReadAsync(c => ScanAsync(c, node, select, top, after, cancellationToken), cancellationToken);
    }

    public IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, CancellationToken cancellationToken) =>
        this.QueryAllPagesAsync(filter, select, maxPerPage, cancellationToken);

    public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        TransactionRules.Validate(actions);
        return WriteAsync<IReadOnlyList<ETag>>(
            async (connection, transaction) =>
            {
                var etags = new List<ETag>(actions.Count);
                for (var i = 0; i < actions.Count; i++)
                {
                    try
                    {
                        etags.Add(await ApplyAsync(connection, transaction, actions[i], cancellationToken));
                    }
                    catch (TableStorageException e) when (e is not TableStorageUnavailableException)
                    {
                        throw new TableTransactionFailedException(e.Status, e.ErrorCode, i, $"Action {i} of the transaction failed: {e.Message}", e);
                    }
                }

                return etags;
            },
            cancellationToken);
    }

    private async Task<ETag> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = action.Entity;
        switch (action.ActionType)
        {
            case TableTransactionActionType.Add:
                return await InsertAsync(connection, transaction, entity, cancellationToken)
                    ?? throw new TableEntityAlreadyExistsException(Describe(entity) + " already exists.");
            case TableTransactionActionType.UpdateMerge:
                return await UpdateAsync(connection, transaction, entity, action.IfMatch, TableUpdateMode.Merge, cancellationToken);
            case TableTransactionActionType.UpdateReplace:
                return await UpdateAsync(connection, transaction, entity, action.IfMatch, TableUpdateMode.Replace, cancellationToken);
            case TableTransactionActionType.UpsertMerge:
                return await UpsertAsync(connection, transaction, entity, TableUpdateMode.Merge, cancellationToken);
            case TableTransactionActionType.UpsertReplace:
                return await UpsertAsync(connection, transaction, entity, TableUpdateMode.Replace, cancellationToken);
            case TableTransactionActionType.Delete:
                if (!await DeleteAsync(connection, transaction, entity.PartitionKey, entity.RowKey, action.IfMatch, cancellationToken))
                {
                    throw NotFound(entity.PartitionKey, entity.RowKey);
                }

                return default;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action.");
        }
    }

    private async Task<ETag?> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, TableEntity entity, CancellationToken cancellationToken)
    {
        var (etag, timestamp) = NewVersion();
        var inserted = await WriteRowAsync(
            connection,
            transaction,
            "INSERT INTO socbot_entities (tbl, pk, rk, etag, ts, props) VALUES ($tbl, $pk, $rk, $etag, $ts, $props) ON CONFLICT DO NOTHING;",
            entity,
            etag,
            timestamp,
            Props(entity),
            cancellationToken);
        return inserted == 1 ? etag : null;
    }

    private async Task<ETag> UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        var existing = mode == TableUpdateMode.Merge
            ? await ReadEntityAsync(connection, transaction, entity.PartitionKey, entity.RowKey, cancellationToken)
            : null;
        var (etag, timestamp) = NewVersion();
        await WriteRowAsync(
            connection,
            transaction,
            """
            INSERT INTO socbot_entities (tbl, pk, rk, etag, ts, props) VALUES ($tbl, $pk, $rk, $etag, $ts, $props)
            ON CONFLICT (tbl, pk, rk) DO UPDATE SET etag = excluded.etag, ts = excluded.ts, props = excluded.props;
            """,
            entity,
            etag,
            timestamp,
            Props(Merge(existing, entity)),
            cancellationToken);
        return etag;
    }

    private async Task<ETag> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        var existing = await ReadEntityAsync(connection, transaction, entity.PartitionKey, entity.RowKey, cancellationToken)
            ?? throw NotFound(entity.PartitionKey, entity.RowKey);
        if (ifMatch != ETag.All && existing.ETag != ifMatch)
        {
            throw new TableConcurrencyException($"{Describe(entity)} changed since it was read (ETag {ifMatch} is now {existing.ETag}).");
        }

        var (etag, timestamp) = NewVersion();
        await WriteRowAsync(
            connection,
            transaction,
            "UPDATE socbot_entities SET etag = $etag, ts = $ts, props = $props WHERE tbl = $tbl AND pk = $pk AND rk = $rk;",
            entity,
            etag,
            timestamp,
            Props(mode == TableUpdateMode.Merge ? Merge(existing, entity) : entity),
            cancellationToken);
        return etag;
    }

    /// <summary>Runs an insert or update of one entity row: every write binds the same six columns.</summary>
    private Task<int> WriteRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, TableEntity entity, ETag etag, string timestamp, string props, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            sql,
            cancellationToken,
            ("$tbl", Name),
            ("$pk", entity.PartitionKey),
            ("$rk", entity.RowKey),
            ("$etag", etag.ToString()),
            ("$ts", timestamp),
            ("$props", props));

    private async Task<bool> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        var existing = await ReadEntityAsync(connection, transaction, partitionKey, rowKey, cancellationToken);
        if (existing is null)
        {
            return false;
        }

        if (ifMatch != ETag.All && existing.ETag != ifMatch)
        {
            throw new TableConcurrencyException($"Entity ({partitionKey}, {rowKey}) in table {Name} changed since it was read; not deleted.");
        }

        await ExecuteAsync(
            connection,
            transaction,
            "DELETE FROM socbot_entities WHERE tbl = $tbl AND pk = $pk AND rk = $rk;",
            cancellationToken,
            ("$tbl", Name),
            ("$pk", partitionKey),
            ("$rk", rowKey));
        return true;
    }

    private async Task<TableEntity?> ReadEntityAsync(SqliteConnection connection, SqliteTransaction? transaction, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            transaction,
            "SELECT pk, rk, etag, ts, props FROM socbot_entities WHERE tbl = $tbl AND pk = $pk AND rk = $rk;",
            ("$tbl", Name),
            ("$pk", partitionKey),
            ("$rk", rowKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    private async Task<TablePage> ScanAsync(SqliteConnection connection, FilterNode? filter, IReadOnlyList<string>? select, int top, (string PartitionKey, string RowKey)? after, CancellationToken cancellationToken)
    {
        var (keySql, keyParameters) = KeyPushdown.From(filter);
        var matches = new List<TableEntity>();
        var scanned = 0;
        while (true)
        {
            var parameters = new List<(string, object)>(keyParameters) { ("$tbl", Name), ("$limit", ScanChunk) };
            var afterSql = "";
            if (after is { } position)
            {
                afterSql = " AND (pk, rk) > ($apk, $ark)";
                parameters.Add(("$apk", position.PartitionKey));
                parameters.Add(("$ark", position.RowKey));
            }

            await using var command = Command(
                connection,
                null,
                $"SELECT pk, rk, etag, ts, props FROM socbot_entities WHERE tbl = $tbl{afterSql}{keySql} ORDER BY pk, rk LIMIT $limit;",
                [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                scanned++;
                var entity = ReadRow(reader);
                after = (entity.PartitionKey, entity.RowKey);
                if (filter is null || FilterEvaluator.Matches(filter, entity))
                {
                    matches.Add(Project(entity, select));
                    if (matches.Count == top)
                    {
                        return new TablePage(matches, ContinuationToken.Format(after.Value));
                    }
                }
            }

            if (rows < ScanChunk)
            {
                return new TablePage(matches, null);
            }

            if (scanned >= MaxScannedPerPage)
            {
                return new TablePage(matches, ContinuationToken.Format(after!.Value));
            }
        }
    }

    private static TableEntity Project(TableEntity entity, IReadOnlyList<string>? select)
    {
        if (select is null || select.Count == 0)
        {
            return entity;
        }

        var projected = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag, Timestamp = entity.Timestamp };
        foreach (var name in select)
        {
            projected[name] = entity[name];
        }

        return projected;
    }

    private static TableEntity ReadRow(DbDataReader reader)
    {
        using var json = JsonDocument.Parse(reader.GetString(4));
        var entity = TableEntityJson.Deserialize(json.RootElement, reader.GetString(0), reader.GetString(1));
        entity.ETag = new ETag(reader.GetString(2));
        entity.Timestamp = DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture);
        return entity;
    }

    private static TableEntity Merge(TableEntity? existing, TableEntity update)
    {
        if (existing is null)
        {
            return update;
        }

        var merged = new TableEntity(update.PartitionKey, update.RowKey);
        foreach (var (name, value) in existing)
        {
            merged[name] = value;
        }

        foreach (var (name, value) in update)
        {
            merged[name] = value;
        }

        TableEntityLimits.Validate(merged);
        return merged;
    }

    private static string Props(TableEntity entity) => Encoding.UTF8.GetString(TableEntityJson.Serialize(entity, includeKeys: false));

    private (ETag ETag, string Timestamp) NewVersion()
    {
        var now = TableEntityJson.FormatDate(_time.GetUtcNow());
        return (new ETag($"W/\"datetime'{now}'-{Guid.NewGuid():N}\""), now);
    }

    private Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken) =>
        RunAsync(
            async connection =>
            {
                await EnsureTableAsync(connection, cancellationToken);
                return await read(connection);
            },
            cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        RunAsync(
            async connection =>
            {
                await EnsureTableAsync(connection, cancellationToken);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                var result = await write(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            },
            cancellationToken);

    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000;", cancellationToken);
            return await work(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new TableStorageUnavailableException(503, $"The SQLite store {_path} stayed locked by another writer: {e.Message}", e);
        }
        catch (SqliteException e)
        {
            throw new TableStorageUnavailableException(500, $"The SQLite store {_path} failed: {e.Message}", e);
        }
    }

    private async Task EnsureTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_tableKnown)
        {
            return;
        }

        try
        {
            await using var command = Command(connection, null, "SELECT 1 FROM socbot_tables WHERE name = $name;", ("$name", Name));
            _tableKnown = await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            _tableKnown = false;
        }

        if (!_tableKnown)
        {
            throw new TableStorageException(404, TableErrorCode.TableNotFound, $"Table {Name} does not exist in {_path}; create it at start-up.");
        }
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private TableStorageException NotFound(string partitionKey, string rowKey) =>
        new(404, TableErrorCode.ResourceNotFound, $"Entity ({partitionKey}, {rowKey}) does not exist in table {Name}.");

    private string Describe(TableEntity entity) => $"Entity ({entity.PartitionKey}, {entity.RowKey}) in table {Name}";
}
