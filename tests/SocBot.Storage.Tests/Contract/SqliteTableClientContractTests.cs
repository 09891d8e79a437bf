using Microsoft.Extensions.Time.Testing;
using SocBot.Storage.Sqlite;
using SocBot.Testing;

namespace SocBot.Storage.Tests.Contract;

public sealed class SqliteTableClientContractTests : TableClientContract, IDisposable
{
    private readonly TempDirectory _folder = new();

    protected override async Task<ITableClient> CreateTableAsync()
    {
        var table = new SqliteTableClient(Path.Combine(_folder.Path, "store.db"), NewTableName(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }

    public void Dispose() => _folder.Dispose();
}
