using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.State;
using SocBot.Storage;
using SocBot.Storage.AzureTables;
using SocBot.Storage.Sqlite;
using SocBot.Testing.Azurite;

namespace SocBot.Tests.State;

/// <summary>Storage going away under the store: the one outage error, within bounded time, and nothing acknowledged lost.</summary>
public sealed class StateStoreOutageTests : IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(90);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-outage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CompleteAsync_AzuriteStopped_StateStoreUnavailableThenStoredAfterRestart()
    {
        Directory.CreateDirectory(_folder);
        await using var azurite = await AzuriteServer.StartAsync(_folder);
        var store = Store(new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), "outage"));
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2"), CancellationToken.None);

        await azurite.StopAsync();
        var error = await Record.ExceptionAsync(() =>
            store.CompleteAsync(Tenant, "soc", "k/soc/w2", new Actor("oid", "Ada"), null, null, CancellationToken.None).WaitAsync(NoHang));
        await azurite.RestartAsync();
        var retried = await store.CompleteAsync(Tenant, "soc", "k/soc/w2", new Actor("oid", "Ada"), null, null, CancellationToken.None);

        var unavailable = Assert.IsType<StateStoreUnavailableException>(error);
        Assert.Contains(azurite.Endpoint.Authority, unavailable.Message, StringComparison.Ordinal);
        Assert.NotEqual(OccurrenceUpdateOutcome.NotFound, retried.Outcome);
        Assert.Equal(OccurrenceState.Completed, (await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None))?.State);
    }

    [Fact]
    public async Task CompleteAsync_SqliteFileLockedByAnotherWriter_StateStoreUnavailable()
    {
        var path = Path.Combine(_folder, "socbot.db");
        var store = Store(new SqliteTableClient(path, "SocBotState", _time));
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2"), CancellationToken.None);
        await using var other = new SqliteConnection($"Data Source={path};Pooling=false");
        await other.OpenAsync();
        await using var hold = other.CreateCommand();
        hold.CommandText = "BEGIN EXCLUSIVE;";
        await hold.ExecuteNonQueryAsync();

        var error = await Record.ExceptionAsync(() =>
            store.CompleteAsync(Tenant, "soc", "k/soc/w2", new Actor("oid", "Ada"), null, null, CancellationToken.None).WaitAsync(NoHang));

        var unavailable = Assert.IsType<StateStoreUnavailableException>(error);
        Assert.Contains(path, unavailable.Message, StringComparison.Ordinal);
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

    private TableSocStateStore Store(ITableClient table) =>
        new(table, new StateSchema(table, _time, NullLogger<StateSchema>.Instance), _time);

    private static OccurrenceClaim Claim(string key) => new(Tenant, key, "soc", "k", "2026-W02", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), Guid.NewGuid());
}
