using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocBot.Enrichment;
using SocBot.Testing;

namespace SocBot.Tests.Enrichment;

/// <summary>
/// One test's Graph stand-in (real HTTP on loopback, answering Graph's JSON), a fixed credential, a hand-moved clock and
/// the enrichment services built the way the host builds them.
/// </summary>
public sealed class GraphStage : IAsyncDisposable
{
    public const string Token = "graph-test-token";

    private readonly ServiceProvider _services;

    private GraphStage(LoopbackServer server, ServiceProvider services, FakeTimeProvider time, FixedTokenCredential credential, RecordingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Time = time;
        Credential = credential;
        Logs = logs;
    }

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public FixedTokenCredential Credential { get; }

    public RecordingLoggerProvider Logs { get; }

    public ILiveTaskData Data => _services.GetRequiredService<ILiveTaskData>();

    public IReadOnlyList<RecordedRequest> GraphRequests => Server.Requests;

    public static async Task<GraphStage> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await LoopbackServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var credential = new FixedTokenCredential(Token, time);
        var logs = new RecordingLoggerProvider();
        var values = new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:BaseUrl"] = new Uri(server.BaseUrl, "v1.0").ToString(),
            ["Graph:Timeout"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddKeyedSingleton<TokenCredential>(GraphOptions.SectionName, credential);
        services.AddEnrichment(configuration);
        return new GraphStage(server, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), time, credential, logs);
    }

    public static string WireFile(string name) => File.ReadAllText(RepoPaths.Combine("tests", "SocBot.Tests", "Enrichment", "TestData", name));

    /// <summary>Answers like Graph: secure scores, and the two Message center pages linked by @odata.nextLink.</summary>
    public void AnswerLikeGraph() =>
        Server.SetDefault(request =>
        {
            var path = Uri.UnescapeDataString(request.PathAndQuery);
            if (path.StartsWith("/v1.0/security/secureScores", StringComparison.Ordinal))
            {
                return LoopbackResponse.Json(200, WireFile("secure-scores.json"));
            }

            if (path.StartsWith("/v1.0/admin/serviceAnnouncement/messages", StringComparison.Ordinal))
            {
                var page = path.Contains("$skiptoken=", StringComparison.Ordinal) ? "messages-page2.json" : "messages-page1.json";
                return LoopbackResponse.Json(200, WireFile(page).Replace("{{baseUrl}}", Server.BaseUrl.ToString(), StringComparison.Ordinal));
            }

            return LoopbackResponse.Json(404, """{"error":{"code":"ResourceNotFound","message":"Unknown path"}}""");
        });

    public IReadOnlyList<RecordingLoggerProvider.LogEntry> EnrichmentLogs(LogLevel atLeast) =>
        Logs.Entries.Where(e => e.Category.StartsWith("SocBot.Enrichment", StringComparison.Ordinal) && e.Level >= atLeast).ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
