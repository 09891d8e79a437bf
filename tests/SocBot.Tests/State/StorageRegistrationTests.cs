using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocBot.Conversations;
using SocBot.State;
using SocBot.Storage;
using SocBot.Storage.AzureTables;
using SocBot.State.Sqlite;
using SocBot.Testing.Azurite;

namespace SocBot.Tests.State;

public sealed class StorageRegistrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-registration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StartAsync_OnlySqlitePath_CreatesWalDatabaseAndServesConversationStore()
    {
        var path = Path.Combine(_folder, "data", "socbot.db");
        using var host = BuildHost(new() { ["Storage:SqlitePath"] = path });

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IConversationReferenceStore>();
        await store.UpsertAsync(new ConversationReference("t", "a:1", "personal", new Uri("https://smba.trafficmanager.net/teams/"), null, null, null, null, "28:bot", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await host.StopAsync();

        Assert.IsType<SqliteSocStateStore>(store);
        Assert.Equal(new StorageBackend("SQLite", path), host.Services.GetRequiredService<StorageBackend>());
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + "-wal") || await IsWalAsync(path));
    }

    [Fact]
    public async Task StartAsync_TablesConnectionString_UsesTableStorageAndCreatesTable()
    {
        using var host = BuildHost(new() { ["ConnectionStrings:Tables"] = azurite.ConnectionString, ["Storage:TableName"] = "RegistrationState" });

        await host.StartAsync();
        var store = host.Services.GetRequiredService<ISocStateStore>();
        await store.RecordHeartbeatAsync(new Heartbeat(DateTimeOffset.UnixEpoch.AddDays(1), "test"), CancellationToken.None);
        await host.StopAsync();

        var table = new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), "RegistrationState");
        Assert.IsType<TableSocStateStore>(store);
        Assert.Equal(1, (await table.GetEntityIfExistsAsync("_meta", "schema", CancellationToken.None))?["Version"]);
        Assert.NotNull(await table.GetEntityIfExistsAsync("_meta", "heartbeat", CancellationToken.None));
    }

    [Fact]
    public void Resolve_TablesEndpoint_UsesTokenAuthWithoutIo()
    {
        using var host = BuildHost(new() { ["Storage:TablesEndpoint"] = "https://socbot.table.core.windows.net" });

        var store = host.Services.GetRequiredService<ISocStateStore>();

        Assert.IsType<TableSocStateStore>(store);
        Assert.Equal("Azure Table Storage (managed identity)", host.Services.GetRequiredService<StorageBackend>().Kind);
    }

    [Theory]
    [InlineData("ConnectionStrings:Tables", "AccountName=x", "ConnectionStrings:Tables")]
    [InlineData("Storage:TablesEndpoint", "http://socbot.table.core.windows.net", "Storage:TablesEndpoint")]
    [InlineData("Storage:TableName", "bad-name", "Storage:TableName")]
    [InlineData("Storage:TableName", "tables", "Storage:TableName")]
    public void Options_InvalidSetting_FailureNamesTheKey(string key, string value, string named)
    {
        using var host = BuildHost(new() { [key] = value, ["Storage:SqlitePath"] = Path.Combine(_folder, "x.db") });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_BothConnectionStringAndEndpoint_Refused()
    {
        using var host = BuildHost(
            new() { ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true", ["Storage:TablesEndpoint"] = "https://socbot.table.core.windows.net" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("ConnectionStrings:Tables", StringComparison.Ordinal) && f.Contains("Storage:TablesEndpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultSqlitePath_NoSetting_PerUserDataFolder()
    {
        var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SocBot", "socbot.db");

        Assert.Equal(expected, StorageOptions.DefaultSqlitePath);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSocStorage(builder.Configuration);
        return builder.Build();
    }

    private static async Task<bool> IsWalAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return await command.ExecuteScalarAsync() as string == "wal";
    }
}
