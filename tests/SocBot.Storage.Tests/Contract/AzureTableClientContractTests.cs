using SocBot.Storage.AzureTables;
using SocBot.Testing.Azurite;

namespace SocBot.Storage.Tests.Contract;

public sealed class AzureTableClientContractTests(AzuriteFixture azurite) : TableClientContract, IClassFixture<AzuriteFixture>
{
    protected override async Task<ITableClient> CreateTableAsync()
    {
        var table = new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), NewTableName());
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }
}
