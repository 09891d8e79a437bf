using Azure;
using Microsoft.Extensions.Time.Testing;
using SocBot.Storage.Sqlite;
using SocBot.Testing;

namespace SocBot.Storage.Tests.Sqlite;

/// <summary>Two stores on one file, as the web host and a CLI verb share it: writes interleave without loss or lock errors.</summary>
public sealed class SqliteTableClientSharingTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task UpdateEntity_TwoStoresIncrementingOneCounter_NoLostUpdates()
    {
        var path = Path.Combine(_folder.Path, "shared.db");
        var host = new SqliteTableClient(path, "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        var cli = new SqliteTableClient(path, "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        await Task.WhenAll(host.CreateIfNotExistsAsync(CancellationToken.None), cli.CreateIfNotExistsAsync(CancellationToken.None));
        await host.AddEntityAsync(new TableEntity("meta", "counter") { ["Value"] = 0 }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => IncrementAsync(i % 2 == 0 ? host : cli))));

        Assert.Equal(40, (await cli.GetEntityIfExistsAsync("meta", "counter", CancellationToken.None))?["Value"]);
    }

    [Fact]
    public async Task TryAddEntity_TwoStoresRacingForOneKey_OneWinsAndBothSeeIt()
    {
        var path = Path.Combine(_folder.Path, "shared.db");
        var host = new SqliteTableClient(path, "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        var cli = new SqliteTableClient(path, "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        await host.CreateIfNotExistsAsync(CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host : cli).TryAddEntityAsync(new TableEntity("claims", "x") { ["By"] = i }, CancellationToken.None))));

        Assert.Single(results, r => r is not null);
        var fromHost = await host.GetEntityIfExistsAsync("claims", "x", CancellationToken.None);
        var fromCli = await cli.GetEntityIfExistsAsync("claims", "x", CancellationToken.None);
        Assert.Equal(fromHost?.ETag, fromCli?.ETag);
    }

    [Fact]
    public async Task CreateIfNotExists_FileInWalMode()
    {
        var path = Path.Combine(_folder.Path, "nested", "wal.db");
        var table = new SqliteTableClient(path, "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));

        await table.CreateIfNotExistsAsync(CancellationToken.None);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task AddEntity_TableNeverCreated_ThrowsTableNotFound()
    {
        var table = new SqliteTableClient(Path.Combine(_folder.Path, "empty.db"), "state", new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));

        var error = await Assert.ThrowsAsync<TableStorageException>(() => table.AddEntityAsync(new TableEntity("p", "r"), CancellationToken.None));

        Assert.Equal((404, TableErrorCode.TableNotFound), (error.Status, error.ErrorCode));
    }

    public void Dispose() => _folder.Dispose();

    private static async Task IncrementAsync(ITableClient table)
    {
        while (true)
        {
            var counter = await table.GetEntityIfExistsAsync("meta", "counter", CancellationToken.None) ?? throw new InvalidOperationException("counter missing");
            try
            {
                await table.UpdateEntityAsync(new TableEntity("meta", "counter") { ["Value"] = (int)counter["Value"]! + 1 }, counter.ETag, TableUpdateMode.Merge, CancellationToken.None);
                return;
            }
            catch (TableConcurrencyException)
            {
            }
        }
    }
}
