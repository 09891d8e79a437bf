using SocBot.Storage;
using SocBot.Storage.AzureTables;
using SocBot.Testing.Azurite;

namespace SocBot.Tests.State;

public sealed class AzureSocStateStoreTests(AzuriteFixture azurite) : SocStateStoreContract, IClassFixture<AzuriteFixture>
{
    protected override ITableClient CreateTable(string name) =>
        new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), name);
}
