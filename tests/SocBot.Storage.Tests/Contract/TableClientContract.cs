using Azure;

namespace SocBot.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="ITableClient"/> must have, run against a real Azurite.
/// Each test creates its own table, so the tests are independent.
/// </summary>
public abstract class TableClientContract
{
    protected abstract Task<ITableClient> CreateTableAsync();

    [Fact]
    public async Task AddEntity_AllPropertyTypes_RoundTripWithTypes()
    {
        var table = await CreateTableAsync();
        var when = new DateTimeOffset(2026, 1, 5, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "hello",
            ["Int"] = 42,
            ["Long"] = 1L << 40,
            ["SmallLong"] = 5L,
            ["Whole"] = 2.0,
            ["Fraction"] = 2.5,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };

        var etag = await table.AddEntityAsync(entity, CancellationToken.None);
        var read = await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None);

        Assert.NotNull(read);
        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("hello", read["Text"]);
        Assert.Equal(42, read["Int"]);
        Assert.Equal(1L << 40, read["Long"]);
        Assert.Equal(5L, read["SmallLong"]);
        Assert.Equal(2.0, read["Whole"]);
        Assert.Equal(2.5, read["Fraction"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(when.ToUniversalTime(), read["When"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read["Bytes"]);
    }

    [Fact]
    public async Task AddEntity_KeyTaken_ThrowsAlreadyExistsAndKeepsFirst()
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "first" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableEntityAlreadyExistsException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "second" }, CancellationToken.None));
        var again = await table.TryAddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "third" }, CancellationToken.None);

        Assert.Equal(409, error.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, error.ErrorCode);
        Assert.Null(again);
        Assert.Equal("first", (await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None))?["Owner"]);
    }

    [Fact]
    public async Task TryAddEntity_FiftyParallelOnOneKey_ExactlyOneWins()
    {
        var table = await CreateTableAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            (Contender: i, ETag: await table.TryAddEntityAsync(new TableEntity("claims", "occurrence-1") { ["Contender"] = i }, CancellationToken.None)))));

        var winners = attempts.Where(a => a.ETag is not null).ToList();
        var winner = Assert.Single(winners);
        var stored = await table.GetEntityIfExistsAsync("claims", "occurrence-1", CancellationToken.None);
        Assert.Equal(winner.Contender, stored?["Contender"]);
        Assert.Equal(winner.ETag, stored?.ETag);
    }

    [Fact]
    public async Task UpdateEntity_CurrentETag_ReplacesAndReturnsNewETag()
    {
        var table = await CreateTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "open", ["Note"] = "x" }, CancellationToken.None);

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "completed" }, first, TableUpdateMode.Replace, CancellationToken.None);
        var read = await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(second, read?.ETag);
        Assert.Equal("completed", read?["State"]);
        Assert.False(read?.ContainsKey("Note"));
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_ThrowsConcurrencyAndKeepsWinner()
    {
        var table = await CreateTableAsync();
        var original = await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "open" }, CancellationToken.None);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "snoozed" }, original, TableUpdateMode.Merge, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableConcurrencyException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "completed" }, original, TableUpdateMode.Merge, CancellationToken.None));

        Assert.Equal(412, error.Status);
        Assert.Equal("snoozed", (await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None))?["State"]);
    }

    [Fact]
    public async Task UpdateEntity_NoETag_RefusedBeforeWriting()
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "open" }, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "completed" }, default, TableUpdateMode.Merge, CancellationToken.None));

        Assert.Equal("open", (await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None))?["State"]);
    }

    [Fact]
    public async Task UpdateEntity_Missing_ThrowsNotFound()
    {
        var table = await CreateTableAsync();

        var error = await Assert.ThrowsAsync<TableStorageException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "nobody"), ETag.All, TableUpdateMode.Merge, CancellationToken.None));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task UpsertEntity_MergeAndReplace_KeepOrDropOtherProperties()
    {
        var table = await CreateTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = 1, ["B"] = "b" }, TableUpdateMode.Merge, CancellationToken.None);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = 1, ["B"] = "b" }, TableUpdateMode.Replace, CancellationToken.None);

        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = 2L }, TableUpdateMode.Merge, CancellationToken.None);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = 2L }, TableUpdateMode.Replace, CancellationToken.None);

        var merged = await table.GetEntityIfExistsAsync("p", "merge", CancellationToken.None);
        var replaced = await table.GetEntityIfExistsAsync("p", "replace", CancellationToken.None);
        Assert.Equal(2L, merged?["A"]);
        Assert.Equal("b", merged?["B"]);
        Assert.Equal(2L, replaced?["A"]);
        Assert.False(replaced?.ContainsKey("B"));
    }

    [Fact]
    public async Task DeleteEntity_StaleETagThenCurrent_RefusesThenDeletes()
    {
        var table = await CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"), CancellationToken.None);
        var current = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, stale, TableUpdateMode.Merge, CancellationToken.None);

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.DeleteEntityAsync("p", "r", stale, CancellationToken.None));
        var deleted = await table.DeleteEntityAsync("p", "r", current, CancellationToken.None);
        var deletedAgain = await table.DeleteEntityAsync("p", "r", ETag.All, CancellationToken.None);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None));
    }

    [Fact]
    public async Task QueryAsync_MoreThanOnePageOfEntities_FollowsContinuationInKeyOrder()
    {
        var table = await CreateTableAsync();
        const int count = 1_150;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            var partition = chunk[0] < 600 ? "a" : "b";
            var actions = chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(i < 600 ? "a" : "b", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i, ["Even"] = i % 2 == 0 }))
                .Where(a => a.Entity.PartitionKey == partition).ToList();
            await table.SubmitTransactionAsync(actions, CancellationToken.None);
        }

        var firstPage = await table.QueryPageAsync(null, null, null, null, CancellationToken.None);
        var all = await table.QueryAsync(null, null, null, CancellationToken.None).ToListAsync();
        var evens = await table.QueryAsync(TableFilter.Create($"Even eq {true}"), ["N"], 300, CancellationToken.None).ToListAsync();

        Assert.True(firstPage.Entities.Count <= 1000);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(Enumerable.Range(0, count), all.Select(e => (int)e["N"]!));
        Assert.Equal(Enumerable.Range(0, count).Where(i => i % 2 == 0), evens.Select(e => (int)e["N"]!));
        Assert.All(evens, e => Assert.False(e.ContainsKey("Even")));
    }

    [Fact]
    public async Task QueryPageAsync_Top_LimitsEachPage()
    {
        var table = await CreateTableAsync();
        await table.SubmitTransactionAsync(
            Enumerable.Range(0, 25).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D2}"))).ToList(),
            CancellationToken.None);

        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"p"}"), null, 10, token, CancellationToken.None);
            pages.Add(page.Entities.Count);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.All(pages, size => Assert.True(size <= 10));
        Assert.Equal(25, pages.Sum());
    }

    [Fact]
    public async Task QueryAsync_RangeAndTypedComparisons_MatchTableSemantics()
    {
        var table = await CreateTableAsync();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await table.SubmitTransactionAsync(
            Enumerable.Range(0, 10).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity("team", $"due|{i:D2}") { ["Due"] = start.AddDays(i), ["Count"] = (long)i, ["Task"] = i % 3 == 0 ? "patch" : "review" })).ToList(),
            CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("team", "key|x") { ["Task"] = "patch" }, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("other", "due|00") { ["Task"] = "patch" }, CancellationToken.None);

        var prefix = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"team"}") + " and " + TableFilter.StartsWith("RowKey", "due|"), null, null, CancellationToken.None).ToListAsync();
        var dated = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"team"} and Due ge {start.AddDays(3)} and Due lt {start.AddDays(6)}"), null, null, CancellationToken.None).ToListAsync();
        var typed = await table.QueryAsync(TableFilter.Create($"Count gt {6L} or (Task eq {"patch"} and not (RowKey lt {"due|03"}))"), null, null, CancellationToken.None).ToListAsync();
        var missingProperty = await table.QueryAsync(TableFilter.Create($"Count ne {1L}"), null, null, CancellationToken.None).ToListAsync();

        Assert.Equal(10, prefix.Count);
        Assert.Equal(["due|03", "due|04", "due|05"], dated.Select(e => e.RowKey));
        Assert.Equal(["due|03", "due|06", "due|07", "due|08", "due|09", "key|x"], typed.Select(e => e.RowKey));
        Assert.Equal(9, missingProperty.Count);
    }

    [Theory]
    [InlineData("O'Neil")]
    [InlineData("100% done")]
    [InlineData("naïve café Ünïcødé")]
    [InlineData("🔥 on call 👩‍💻")]
    [InlineData("it''s ' quoted")]
    public async Task Keys_QuotesPercentUnicodeEmoji_RoundTripRawAndQueryable(string text)
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity(text, text) { ["Value"] = text }, CancellationToken.None);

        var read = await table.GetEntityIfExistsAsync(text, text, CancellationToken.None);
        var found = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {text} and Value eq {text}"), null, null, CancellationToken.None).ToListAsync();
        var injected = await table.QueryAsync(TableFilter.Create($"Value eq {text + "' or Value ne '"}"), null, null, CancellationToken.None).ToListAsync();

        Assert.Equal(text, read?["Value"]);
        Assert.Equal(text, Assert.Single(found).RowKey);
        Assert.Empty(injected);
        Assert.True(await table.DeleteEntityAsync(text, text, ETag.All, CancellationToken.None));
    }

    [Theory]
    [InlineData("task/with#slash?and\\back")]
    [InlineData("tab\there~tilde|bar%")]
    public async Task Keys_ForbiddenCharactersEncoded_RoundTrip(string text)
    {
        var table = await CreateTableAsync();
        var key = TableKey.Encode(text);

        await table.AddEntityAsync(new TableEntity(key, key) { ["Value"] = text }, CancellationToken.None);
        var listed = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {key}"), null, null, CancellationToken.None).ToListAsync();

        var entity = Assert.Single(listed);
        Assert.Equal(text, TableKey.Decode(entity.RowKey));
        Assert.Equal(text, entity["Value"]);
    }

    [Fact]
    public async Task AddEntity_ForbiddenKeyCharacter_RefusedWithInvalidInput()
    {
        var table = await CreateTableAsync();

        var error = await Assert.ThrowsAsync<TableStorageException>(
            () => table.AddEntityAsync(new TableEntity("p", "a/b"), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Equal(TableErrorCode.InvalidInput, error.ErrorCode);
    }

    [Fact]
    public async Task AddEntity_AtSizeLimits_StoredIntact()
    {
        var table = await CreateTableAsync();
        var key = new string('k', 512);
        var entity = new TableEntity(key, key);
        for (var i = 0; i < 15; i++)
        {
            entity[$"Chunk{i:D2}"] = new string((char)('a' + i), 32 * 1024);
        }

        entity["Bytes"] = Enumerable.Range(0, 16 * 1024).Select(i => (byte)i).ToArray();

        await table.AddEntityAsync(entity, CancellationToken.None);
        var read = await table.GetEntityIfExistsAsync(key, key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(16, read.Count);
        Assert.Equal(new string('o', 32 * 1024), read["Chunk14"]);
        Assert.Equal(16 * 1024, read.GetBinary("Bytes")?.Length);
    }

    [Fact]
    public async Task AddEntity_OverSizeLimits_RefusedWithTypedErrors()
    {
        var table = await CreateTableAsync();
        var longValue = new TableEntity("p", "value") { ["Big"] = new string('x', (32 * 1024) + 1) };
        var longKey = new TableEntity("p", new string('k', 513));
        var tooBig = new TableEntity("p", "entity");
        for (var i = 0; i < 17; i++)
        {
            tooBig[$"Chunk{i:D2}"] = new string('x', 32 * 1024);
        }

        var value = await Assert.ThrowsAsync<TableStorageException>(() => table.AddEntityAsync(longValue, CancellationToken.None));
        var keyError = await Assert.ThrowsAsync<TableStorageException>(() => table.AddEntityAsync(longKey, CancellationToken.None));
        var entityError = await Assert.ThrowsAsync<TableStorageException>(() => table.AddEntityAsync(tooBig, CancellationToken.None));

        Assert.Equal((400, TableErrorCode.PropertyValueTooLarge), (value.Status, value.ErrorCode));
        Assert.Equal((400, TableErrorCode.InvalidInput), (keyError.Status, keyError.ErrorCode));
        Assert.Equal((400, TableErrorCode.EntityTooLarge), (entityError.Status, entityError.ErrorCode));
        Assert.Empty(await table.QueryAsync(null, null, null, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task SubmitTransaction_MixedActions_AppliedTogether()
    {
        var table = await CreateTableAsync();
        var existing = await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1, ["Keep"] = "yes" }, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("p", "delete"), CancellationToken.None);

        var etags = await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1 }),
                new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["V"] = 2 }, existing),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert") { ["V"] = 3 }),
                new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            ],
            CancellationToken.None);

        var rows = await table.QueryAsync(null, null, null, CancellationToken.None).ToListAsync();
        Assert.Equal(4, etags.Count);
        Assert.Equal(["add", "update", "upsert"], rows.Select(r => r.RowKey));
        Assert.Equal(etags[1], rows[1].ETag);
        Assert.Equal((2, "yes"), (rows[1]["V"], rows[1]["Keep"]));
    }

    [Fact]
    public async Task SubmitTransaction_OneActionFails_NothingAppliedAndIndexReported()
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["Owner"] = "first" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "new")),
                new(TableTransactionActionType.Add, new TableEntity("p", "taken") { ["Owner"] = "second" }),
            ],
            CancellationToken.None));

        Assert.Equal(1, error.FailedActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, error.ErrorCode);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "new", CancellationToken.None));
        Assert.Equal("first", (await table.GetEntityIfExistsAsync("p", "taken", CancellationToken.None))?["Owner"]);
    }

    [Fact]
    public async Task SubmitTransaction_StaleETag_FailsWithConcurrencyStatus()
    {
        var table = await CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, CancellationToken.None);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Merge, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "audit")),
                new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "r") { ["V"] = 3 }, stale),
            ],
            CancellationToken.None));

        Assert.Equal((412, 1), (error.Status, error.FailedActionIndex));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "audit", CancellationToken.None));
    }

    [Fact]
    public async Task SubmitTransaction_UpdateWithEntityReadEarlier_UsesItsETag()
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, CancellationToken.None);
        var read = await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Merge, CancellationToken.None);
        read!["V"] = 3;

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(
            () => table.SubmitTransactionAsync([new(TableTransactionActionType.UpdateReplace, read)], CancellationToken.None));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None))?["V"]);
    }

    [Fact]
    public async Task SubmitTransaction_TwoPartitionsOrTooMany_RefusedBeforeSending()
    {
        var table = await CreateTableAsync();

        var partitions = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("a", "1")), new(TableTransactionActionType.Add, new TableEntity("b", "1"))],
            CancellationToken.None));
        var tooMany = await Assert.ThrowsAsync<TableStorageException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList(),
            CancellationToken.None));

        Assert.Equal(1, partitions.FailedActionIndex);
        Assert.Equal(400, tooMany.Status);
        Assert.Empty(await table.QueryAsync(null, null, null, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwiceAndConcurrently_Succeeds()
    {
        var table = await CreateTableAsync();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => table.CreateIfNotExistsAsync(CancellationToken.None)));
        await table.AddEntityAsync(new TableEntity("p", "r"), CancellationToken.None);

        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", CancellationToken.None));
    }

    protected static string NewTableName() => "t" + Guid.NewGuid().ToString("N")[..20];
}
