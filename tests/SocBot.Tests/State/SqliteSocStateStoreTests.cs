using SocBot.State;
using SocBot.Storage;
using SocBot.Storage.Sqlite;

namespace SocBot.Tests.State;

public sealed class SqliteSocStateStoreTests : SocStateStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-state-" + Guid.NewGuid().ToString("N"));

    protected override ITableClient CreateTable(string name) => new SqliteTableClient(Path.Combine(_folder, "state.db"), name, Time);

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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
