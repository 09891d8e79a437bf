using SocBot.Storage;
using SocBot.Storage.AzureTables;

namespace SocBot.Tests.State;

public sealed class AzureSocStateStoreTests(AzuriteTableService azurite) : SocStateStoreContract, IClassFixture<AzuriteTableService>
{
    protected override ITableClient CreateTable(string name) =>
        new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), name, new AzureTableClientOptions { TimeProvider = TimeProvider.System });
}
