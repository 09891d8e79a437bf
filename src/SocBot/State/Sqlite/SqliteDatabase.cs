using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SocBot.State.Sqlite;

/// <summary>
/// The SQLite file: pooled connections in WAL mode with a busy timeout, so the web host and a CLI verb share it (a writer
/// waits for the other; readers never block writers). Every failure of SQLite itself becomes the store's one outage error.
/// </summary>
internal sealed class SqliteDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private readonly string _connectionString;

    /// <summary>
    /// This process's writers queue here rather than at the file lock: SQLite's busy handler sleeps with growing pauses,
    /// so many writers contending (a pass posting to tenants side by side) would spend most of their time asleep.
    /// Other processes still meet the busy timeout.
    /// </summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken);
            return await work(connection);
        }
        catch (SqliteException e)
        {
            throw new StateStoreUnavailableException($"The SQLite state store {Path} failed: {e.Message}", e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction; it returns null to roll back.</summary>
    public async Task<T?> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T?>> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(
                async connection =>
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                    var result = await work(connection, transaction);
                    if (result is null)
                    {
                        await transaction.RollbackAsync(cancellationToken);
                    }
                    else
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }

                    return result;
                },
                cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
