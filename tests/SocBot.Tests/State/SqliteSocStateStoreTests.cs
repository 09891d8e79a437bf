using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.State;
using SocBot.State.Sqlite;

namespace SocBot.Tests.State;

public sealed class SqliteSocStateStoreTests : SocStateStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-state-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "state.db");

    [Fact]
    public async Task CompleteAsync_TwoStoresOnOneFile_ExactlyOneCompletion()
    {
        var host = CreateStore();
        var cli = CreateStore();
        await host.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", DateTimeOffset.UnixEpoch), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host : cli).CompleteAsync(Tenant, "soc", "k/soc/w2", new Actor($"oid-{i}", "A"), null, null, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == OccurrenceUpdateOutcome.Applied);
    }

    [Fact]
    public async Task AuditLog_UpdateOrDeleteInTheFile_RefusedAppendOnly()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit;";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Single(await store.ReadAuditAsync(Tenant, "soc", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None));
    }

    protected override ISocStateStore CreateStore() =>
        new SqliteSocStateStore(DatabasePath, "SocBotState", Time, NullLogger<SqliteSocStateStore>.Instance);

    protected override async Task<(int Stored, int Current)> WriteNewerSchemaAsync()
    {
        await ((IStateStoreSchema)CreateStore()).EnsureSchemaAsync(CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO schema_version (version, applied_at) VALUES ({SqliteSchema.CurrentVersion + 1}, '2030-01-01T00:00:00.0000000Z');";
        await command.ExecuteNonQueryAsync();
        return (SqliteSchema.CurrentVersion + 1, SqliteSchema.CurrentVersion);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
