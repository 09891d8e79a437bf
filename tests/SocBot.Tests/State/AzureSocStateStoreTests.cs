using Microsoft.Extensions.Logging.Abstractions;
using SocBot.State;
using SocBot.Storage;
using SocBot.Storage.AzureTables;
using SocBot.Testing.Azurite;

namespace SocBot.Tests.State;

public sealed class AzureSocStateStoreTests(AzuriteFixture azurite) : SocStateStoreContract, IClassFixture<AzuriteFixture>
{
    private readonly string _tableName = "s" + Guid.NewGuid().ToString("N")[..20];

    protected override ISocStateStore CreateStore()
    {
        var table = Table();
        return new TableSocStateStore(table, new StateSchema(table, Time, NullLogger<StateSchema>.Instance), Time);
    }

    protected override async Task<(int Stored, int Current)> WriteNewerSchemaAsync()
    {
        var table = Table();
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("_meta", "schema") { ["Version"] = StateSchema.CurrentVersion + 1 }, CancellationToken.None);
        return (StateSchema.CurrentVersion + 1, StateSchema.CurrentVersion);
    }

    private AzureTableClient Table() => new(TableConnectionString.Parse(azurite.ConnectionString), _tableName);
}
