using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;
using SocBot.Testing;

namespace SocBot.Benchmarks.Completions;

/// <summary>
/// One "Complete" click as Teams sends it (an adaptiveCard/action invoke over loopback HTTP to the real host, SQLite
/// store, authentication off, a loopback connector stand-in answering the card update), on a stand-alone reminder and
/// on a row of a 10-row digest of 3 teams. The tenant holds 100 days of the default catalog's posted history, which is
/// what a click that searches for a digest's siblings reads. Each invocation clicks a fresh occurrence. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*CardClickBenchmarks*' --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 16)]
public class CardClickBenchmarks
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Channel = "19:bench@thread.tacv2";

    private readonly Queue<(string ActivityId, JsonElement Data)> _targets = new();
    private WebApplication _app = null!;
    private LoopbackServer _connector = null!;
    private HttpClient _http = null!;
    private string _folder = null!;
    private ISocStateStore _store = null!;
    private DateTimeOffset _now;
    private int _counter;

    [Params("StandAlone", "Digest10")]
    public string Card { get; set; } = "StandAlone";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Fresh cards to click, topped up only when spent, so unclicked ones never pile up in a digest's due range.</summary>
    [IterationSetup]
    public void AddTargets()
    {
        if (_targets.Count == 0)
        {
            AddTargetsAsync(16).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> CompleteFromCard()
    {
        var (activityId, data) = _targets.Dequeue();
        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = $"invoke-{activityId}",
            ["serviceUrl"] = _connector.BaseUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:ada", ["name"] = "Ada Lovelace", ["aadObjectId"] = "aad-ada" },
            ["recipient"] = new JsonObject { ["id"] = "28:socbot", ["name"] = "SocBot" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid={activityId}", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["replyToId"] = activityId,
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = "19:soc-team@thread.tacv2" },
                ["channel"] = new JsonObject { ["id"] = Channel },
            },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ReminderVerbs.Complete, ["data"] = JsonNode.Parse(data.GetRawText()) },
                ["trigger"] = "manual",
            },
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await _http.PostAsync("api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("Completed by Ada Lovelace", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The click was not applied: {(int)response.StatusCode} {body}");
        }

        return body.Length;
    }

    private async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("socbot-bench-click-").FullName;
        _connector = await LoopbackServer.StartAsync();
        _connector.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"updated"}"""));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_folder, "socbot.db"),
            ["Reminders:SchedulerEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.ConfigureServices();
        _app = builder.Build().MapEndpoints();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        _store = _app.Services.GetRequiredService<ISocStateStore>();
        _now = TimeProvider.System.GetUtcNow();

        // What a tenant's store holds after 100 days: every occurrence of the default catalog posted in its own thread.
        foreach (var occurrence in _app.Services.GetRequiredService<OccurrenceSchedule>().List(_now.AddDays(-100), _now))
        {
            await PostAsync(occurrence.Key, occurrence.Task.Id, occurrence.DueAt, $"history-{++_counter}");
        }
    }

    private async Task AddTargetsAsync(int count)
    {
        var catalog = _app.Services.GetRequiredService<SocBot.Catalog.ICatalogSource>().Current;
        var views = _app.Services.GetRequiredService<ReminderViewFactory>();
        var task = catalog.Tasks[0];
        var teams = catalog.Teams.Take(3).Select(t => t.Id).ToList();
        for (var i = 0; i < count; i++)
        {
            var activityId = $"card-{++_counter}";
            var rows = new List<ReminderView>();
            for (var row = 0; row < (Card == "StandAlone" ? 1 : 10); row++)
            {
                var team = teams[row % teams.Count];
                // Each card due an hour after the last, so a digest's due range holds its own rows only.
                var record = await PostAsync(OccurrenceKey.ForAdHoc(task.Id, team, $"bench-{_counter}-{row}"), task.Id, _now.AddHours(_counter).AddMinutes(row), activityId);
                rows.Add(views.ForRecord(record));
            }

            var card = Card == "StandAlone" ? ReminderCards.Reminder(rows[0], _now) : ReminderCards.Digest(rows, _now);
            _targets.Enqueue((activityId, FirstCompleteData(JsonDocument.Parse(card.ToJson()).RootElement)!.Value.Clone()));
        }
    }

    private async Task<OccurrenceRecord> PostAsync(OccurrenceKey key, string taskId, DateTimeOffset dueAt, string activityId)
    {
        var text = key.ToString();
        await _store.ClaimOccurrenceAsync(new OccurrenceClaim(Tenant, text, key.TeamId, taskId, key.Period, dueAt, Guid.NewGuid()), CancellationToken.None);
        var posted = await _store.RecordPostedAsync(Tenant, key.TeamId, text, $"{Channel};messageid={activityId}", activityId, CancellationToken.None);
        return posted.Occurrence!;
    }

    private static JsonElement? FirstCompleteData(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("verb", out var verb) && verb.GetString() == ReminderVerbs.Complete)
        {
            return element.GetProperty("data");
        }

        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        return children.Select(FirstCompleteData).FirstOrDefault(d => d is not null);
    }
}
