using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.State;
using SocBot.Storage.AzureTables;
using SocBot.State.Sqlite;
using SocBot.Testing.Azurite;
using StorageTable = SocBot.Storage.ITableClient;

namespace SocBot.Tests.State.Migration;

/// <summary>
/// Data written by the v1 code (committed in TestData/State: the SQLite file, and the Azure entities as the old REST client
/// wrote them, with their Edm types) read through today's store, compared record by record with what the v1 store read.
/// </summary>
public sealed class V1FixtureTests : IAsyncLifetime
{
    private static readonly string Fixtures = RepoPaths.Combine("tests", "SocBot.Tests", "TestData", "State");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-v1-" + Guid.NewGuid().ToString("N"));
    private readonly StateSnapshot _expected = JsonSerializer.Deserialize<StateSnapshot>(File.ReadAllText(Path.Combine(Fixtures, "v1-expected.json")), StateSnapshot.Json)!;
    private AzuriteServer? _azurite;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadThroughStore_AzureEntitiesWrittenByV1Client_EveryRecordAsBefore()
    {
        _azurite = await AzuriteServer.StartAsync();
        using var dump = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "v1-azure-entities.json")));
        var name = dump.RootElement.GetProperty("Table").GetString()!;
        var sdk = new TableClient(_azurite.Endpoint, name, new TableSharedKeyCredential(TableConnectionString.DevelopmentAccountName, TableConnectionString.DevelopmentAccountKey));
        await sdk.CreateIfNotExistsAsync();
        var entities = dump.RootElement.GetProperty("Entities").EnumerateArray().Select(ToEntity).ToList();
        foreach (var entity in entities)
        {
            await sdk.AddEntityAsync(entity);
        }

        var snapshot = await SnapshotAsync(new AzureTableClient(TableConnectionString.Parse(_azurite.ConnectionString), name));

        Assert.Equal(284, entities.Count);
        AssertSame(_expected, snapshot);
    }

    [Fact]
    public async Task EnsureSchema_SqliteFileWrittenByV1_BackedUpThenMigratedInPlaceWithEveryRecord()
    {
        var path = Path.Combine(_folder, "socbot.db");
        File.Copy(Path.Combine(Fixtures, "socbot-v1.db"), path);
        var time = new FakeTimeProvider(_expected.TakenAt);

        var migrated = await StateSnapshot.TakeAsync(SqliteStore(path, time), _expected.TakenAt, _expected.Teams, _expected.ExportIds, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var reopened = await StateSnapshot.TakeAsync(SqliteStore(path, time), _expected.TakenAt, _expected.Teams, _expected.ExportIds, CancellationToken.None);

        AssertSame(_expected, migrated);
        AssertSame(_expected, reopened);
        var backup = Assert.Single(Directory.GetFiles(_folder, "socbot.db.v1-backup-*"));
        Assert.Equal(["socbot_entities", "socbot_tables"], await TablesAsync(backup));
        Assert.DoesNotContain("socbot_entities", await TablesAsync(path));
        Assert.Contains("occurrences", await TablesAsync(path));
    }

    [Fact]
    public async Task EnsureSchema_V1FileWithNewerTableLayout_RefusedNamingBothVersionsAndUntouched()
    {
        var path = Path.Combine(_folder, "socbot.db");
        File.Copy(Path.Combine(Fixtures, "socbot-v1.db"), path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE socbot_entities SET props = '{\"Version\":7}' WHERE pk = '_meta' AND rk = 'schema';";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteStore(path, new FakeTimeProvider(_expected.TakenAt)).GetHeartbeatAsync(CancellationToken.None));

        Assert.Contains("layout version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads version {SqliteSchema.CurrentVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("socbot_entities", await TablesAsync(path));
    }

    private static SqliteSocStateStore SqliteStore(string path, TimeProvider time) =>
        new(path, "SocBotState", time, NullLogger<SqliteSocStateStore>.Instance);

    private static async Task<List<string>> TablesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<StateSnapshot> SnapshotAsync(StorageTable table)
    {
        var time = new FakeTimeProvider(_expected.TakenAt);
        var store = new TableSocStateStore(table, new StateSchema(table, time, NullLogger<StateSchema>.Instance), time);
        return await StateSnapshot.TakeAsync(store, _expected.TakenAt, _expected.Teams, _expected.ExportIds, CancellationToken.None);
    }

    private static void AssertSame(StateSnapshot expected, StateSnapshot actual)
    {
        Assert.Equal(expected.Tenants, actual.Tenants);
        Assert.Equal(expected.Occurrences, actual.Occurrences);
        Assert.Equal(expected.Audit, actual.Audit);
        Assert.Equal(expected.Bindings, actual.Bindings);
        Assert.Equal(expected.Conversations, actual.Conversations);
        Assert.Equal(expected.Heartbeat, actual.Heartbeat);
        Assert.Equal(expected.Exports.Count, actual.Exports.Count);
        foreach (var (want, got) in expected.Exports.Zip(actual.Exports))
        {
            Assert.Equal(want with { Content = [] }, got with { Content = [] });
            Assert.Equal(want.Content, got.Content);
        }

        Assert.True(expected.Occurrences.Count >= 40 && expected.Audit.Count >= 100, "the fixture holds a pass's worth of history");
        Assert.Equal(Enum.GetValues<PostAttempt>().Order(), expected.Occurrences.Select(o => o.LastPostAttempt).OfType<PostAttempt>().Distinct().Order());
        Assert.Contains(expected.Occurrences, o => o.EscalationHeldUntil is not null);
    }

    private static TableEntity ToEntity(JsonElement row)
    {
        var entity = new TableEntity(row.GetProperty("PartitionKey").GetString(), row.GetProperty("RowKey").GetString());
        foreach (var property in row.GetProperty("Properties").EnumerateObject())
        {
            var value = property.Value.GetProperty("Value").GetString()!;
            entity[property.Name] = property.Value.GetProperty("Type").GetString() switch
            {
                "Edm.String" => value,
                "Edm.Int32" => int.Parse(value, CultureInfo.InvariantCulture),
                "Edm.Int64" => long.Parse(value, CultureInfo.InvariantCulture),
                "Edm.Double" => double.Parse(value, CultureInfo.InvariantCulture),
                "Edm.Boolean" => bool.Parse(value),
                "Edm.DateTime" => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "Edm.Guid" => Guid.Parse(value),
                "Edm.Binary" => Convert.FromBase64String(value),
                var type => throw new InvalidDataException($"{property.Name} has Edm type {type}."),
            };
        }

        return entity;
    }
}
