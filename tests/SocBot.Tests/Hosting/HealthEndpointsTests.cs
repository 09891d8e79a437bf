using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SocBot.Catalog;
using SocBot.Testing.Azurite;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Hosting;

/// <summary>/healthz and /readyz of the real app on Kestrel over loopback HTTP, with real SQLite files, Azurite and catalog files.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-health-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Healthz_RunningApp_200HealthyWithoutReadinessChecks()
    {
        await using var host = await SocBotTestHost.StartAsync(SqliteSettings());

        var (status, body) = await GetAsync(host, "healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual("Unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("checks").TryGetProperty("storage", out _));
        Assert.False(body.GetProperty("checks").TryGetProperty("catalog", out _));
    }

    [Fact]
    public async Task Readyz_SqliteAndDefaultCatalog_200WithEachCheckHealthy()
    {
        await using var host = await SocBotTestHost.StartAsync(SqliteSettings());

        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("SQLite", checks.GetProperty("storage").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("catalog").GetProperty("status").GetString());
        Assert.Matches(@"^\d+ teams, \d+ tasks$", checks.GetProperty("catalog").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_TableServiceStoppedAfterStart_503StorageUnhealthy()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var host = await SocBotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TableName"] = "HealthState",
        });
        var (readyBefore, bodyBefore) = await GetAsync(host, "readyz");

        await azurite.StopAsync();
        var (readyAfter, body) = await GetAsync(host, "readyz");

        Assert.True(readyBefore == HttpStatusCode.OK, bodyBefore.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyAfter);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("catalog").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_SqliteFileReplacedByFolderAfterStart_503StorageUnhealthy()
    {
        var path = Path.Combine(_folder, "gone", "socbot.db");
        await using var host = await SocBotTestHost.StartAsync(new Dictionary<string, string?> { ["Storage:SqlitePath"] = path });

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        Directory.CreateDirectory(path);
        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_BrokenCatalogFile_503CatalogUnhealthyWithErrorCountOnly()
    {
        var catalog = Path.Combine(_folder, "catalog.yaml");
        await File.WriteAllTextAsync(catalog, "teams:\n  - id: monitoring\n    displayName: 42-secret-detail\ntasks: nope\n");

        // The start-up check refuses to start on a broken catalog; without it the instance is up, and readiness must say why it cannot serve.
        await using var host = await SocBotTestHost.StartAsync(
            SqliteSettings(new() { ["SocBot:CatalogPath"] = catalog }),
            overrideServices: services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CatalogStartupCheck))));

        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var check = body.GetProperty("checks").GetProperty("catalog");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Matches(@"^The catalog has [1-9]\d* errors$", check.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_CheckRegisteredWithLiveTag_AppearsOnHealthzOnly()
    {
        await using var host = await SocBotTestHost.StartAsync(
            SqliteSettings(),
            overrideServices: services => services.AddHealthChecks().AddCheck(
                "reminders",
                () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("no pass for 20 minutes"),
                tags: [SocBot.Hosting.HealthTags.Live]));

        var (live, liveBody) = await GetAsync(host, "healthz");
        var (ready, readyBody) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, live);
        Assert.Equal("no pass for 20 minutes", liveBody.GetProperty("checks").GetProperty("reminders").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.False(readyBody.GetProperty("checks").TryGetProperty("reminders", out _));
    }

    private Dictionary<string, string?> SqliteSettings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(_folder, "socbot.db") };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(SocBotTestHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
