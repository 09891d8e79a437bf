using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using SocBot.Storage.AzureTables;

namespace SocBot.Storage.Tests.AzureTables;

public sealed class AzureTableClientWireTests
{
    private static readonly string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes("a test key of thirty-two bytes!!"));

    [Fact]
    public async Task AddEntity_HostStyleEndpoint_SignsDateAndCanonicalResourceWithSharedKeyLite()
    {
        await using var server = new ScriptedTableServer();
        server.Reply(204, headers: new Dictionary<string, string> { ["ETag"] = "W/\"datetime'2026-01-05T09%3A00%3A00Z'\"" });
        var table = Client(server, Options(retries: 0));

        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 5L, ["When"] = DateTimeOffset.UnixEpoch }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(new ETag("W/\"datetime'2026-01-05T09%3A00%3A00Z'\""), etag);
        Assert.Equal(("POST", "/tasks"), (request.Method, request.RawUrl));
        Assert.Equal($"SharedKeyLite socbot:{Sign(request.Headers["x-ms-date"] + "\n/socbot/tasks")}", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("Date"));
        Assert.Equal("2019-02-02", request.Headers["x-ms-version"]);
        Assert.Equal("return-no-content", request.Headers["Prefer"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Edm.Int64", body.RootElement.GetProperty("N@odata.type").GetString());
        Assert.Equal("5", body.RootElement.GetProperty("N").GetString());
        Assert.Equal("Edm.DateTime", body.RootElement.GetProperty("When@odata.type").GetString());
        Assert.Equal("1970-01-01T00:00:00.0000000Z", body.RootElement.GetProperty("When").GetString());
    }

    [Fact]
    public async Task GetEntity_KeyWithQuoteAndSpace_QuotedEscapedAndSignedAsSent()
    {
        await using var server = new ScriptedTableServer();
        server.Reply(200, """{"odata.etag":"W/\"x\"","PartitionKey":"O'Neil","RowKey":"a b","Timestamp":"2026-01-05T09:00:00.1234567Z","Note":"hi"}""");
        var table = Client(server, Options(retries: 0));

        var entity = await table.GetEntityIfExistsAsync("O'Neil", "a b", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/tasks(PartitionKey='O%27%27Neil',RowKey='a%20b')", request.RawUrl);
        Assert.Equal($"SharedKeyLite socbot:{Sign(request.Headers["x-ms-date"] + "\n/socbot" + request.RawUrl)}", request.Headers["Authorization"]);
        Assert.Equal(("O'Neil", "a b", "hi"), (entity?.PartitionKey, entity?.RowKey, entity?["Note"]));
        Assert.Equal(new ETag("W/\"x\""), entity?.ETag);
    }

    [Fact]
    public async Task UpsertEntity_ServiceBusyTwice_RetriedWithFreshSignatureAndSucceeds()
    {
        await using var server = new ScriptedTableServer();
        server.Reply(503, Error("ServerBusy", "The server is busy."));
        server.Reply(503, Error("ServerBusy", "The server is busy."));
        server.Reply(204, headers: new Dictionary<string, string> { ["ETag"] = "W/\"3\"" });
        var table = Client(server, Options(retries: 3));

        var etag = await table.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Merge, CancellationToken.None);

        Assert.Equal(new ETag("W/\"3\""), etag);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(("PATCH", $"SharedKeyLite socbot:{Sign(r.Headers["x-ms-date"] + "\n/socbot/tasks(PartitionKey='p',RowKey='r')")}"), (r.Method, r.Headers["Authorization"])));
    }

    [Fact]
    public async Task UpsertEntity_StaysBusy_TypedUnavailableNamingStatusAndCode()
    {
        await using var server = new ScriptedTableServer();
        for (var i = 0; i < 3; i++)
        {
            server.Reply(503, Error("ServerBusy", "The server is busy."));
        }

        var table = Client(server, Options(retries: 2));

        var error = await Assert.ThrowsAsync<TableStorageUnavailableException>(
            () => table.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Replace, CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Contains("503 ServerBusy", error.Message, StringComparison.Ordinal);
        Assert.Contains("tasks", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task QueryPage_ContinuationHeaders_SentBackAsNextKeys()
    {
        await using var server = new ScriptedTableServer();
        server.Reply(200, """{"value":[{"PartitionKey":"p","RowKey":"1"}]}""", new Dictionary<string, string>
        {
            ["x-ms-continuation-NextPartitionKey"] = "1!4!cA--",
            ["x-ms-continuation-NextRowKey"] = "1!4!Mg--",
        });
        server.Reply(200, """{"value":[{"PartitionKey":"p","RowKey":"2"}]}""");
        var table = Client(server, Options(retries: 0));

        var all = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"}"), null, 1, CancellationToken.None).ToListAsync();

        Assert.Equal(["1", "2"], all.Select(e => e.RowKey));
        var second = server.Requests.ToArray()[1];
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(server.BaseUrl, second.RawUrl).Query);
        Assert.Equal(("1!4!cA--", "1!4!Mg--", "PartitionKey eq 'p'", "1"), (query["NextPartitionKey"], query["NextRowKey"], query["$filter"], query["$top"]));
    }

    private static AzureTableClient Client(ScriptedTableServer server, AzureTableClientOptions options) =>
        new(new TableConnectionString(new Uri(server.BaseUrl.AbsoluteUri.TrimEnd('/')), "socbot", Key), "tasks", options);

    private static AzureTableClientOptions Options(int retries)
    {
        var options = new AzureTableClientOptions();
        options.Retry.MaxRetries = retries;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    private static string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(stringToSign)));

    private static string Error(string code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["odata.error"] = new { code, message = new { lang = "en-US", value = message + "\nRequestId:1\nTime:2026-01-05T09:00:00Z" } } });
}
