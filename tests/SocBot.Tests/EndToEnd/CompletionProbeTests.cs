using System.Text.Json;
using SocBot.Completions;
using SocBot.Reminders;
using SocBot.State;
using SocBot.Testing.Azurite;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The completion probes: many people clicking reminder cards at once, through the real bot on Kestrel and the loopback
/// Teams, on the embedded SQLite file and on a real Azurite — exactly one completion per occurrence, each recorded once.
/// </summary>
public sealed class CompletionProbeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SqliteBackend = "SQLite";
    private const string AzuriteBackend = "Azurite";
    private const string SecureScoreReport = "generate-secure-score-report/monitoring/2026-W02";
    private const string ProbeTaskPrefix = "probe-task-";

    /// <summary>Monday 5 January 2026, 09:00 UTC: the week's first reminders are due.</summary>
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SqliteBackend)]
    [InlineData(AzuriteBackend)]
    public async Task FiftyPeopleClickCompleteOnOneCardAtOnce_OneCompletionStored_FortyNineAnswersNameWhoCompletedIt(string backend)
    {
        await using var scenario = await StartAsync(backend);
        var (activityId, data) = FindPosted(scenario, SecureScoreReport);
        var people = Enumerable.Range(0, 50).Select(i => ($"29:p{i}", $"Person {i}", $"aad-p{i}")).ToList();

        var answers = await Task.WhenAll(people.Select(p => scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, p)));

        var stored = await scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", SecureScoreReport, CancellationToken.None);
        Assert.Equal(OccurrenceState.Completed, stored!.State);
        var winner = stored.ResolvedBy!.Name;
        Assert.All(answers, a => Assert.Equal("application/vnd.microsoft.card.adaptive", a.GetProperty("type").GetString()));
        var othersSee = people.Zip(answers).Where(p => p.First.Item2 != winner).Select(p => StatusLine(p.Second)).ToList();
        Assert.Equal(49, othersSee.Count);
        Assert.All(othersSee, status => Assert.StartsWith($"Completed by {winner} at ", status));
        Assert.Equal(1, await CountAuditAsync(scenario, AuditActions.Completed, SecureScoreReport));
        var update = Assert.Single(scenario.Connector.Updates);
        Assert.StartsWith($"Completed by {winner} at ", PostedCards.Texts(PostedCards.CardOf(update.Json))[1]);
    }

    [Theory]
    [InlineData(SqliteBackend)]
    [InlineData(AzuriteBackend)]
    public async Task CompletionsAcrossManyOccurrencesInParallel_AllStored_OneAuditRowEach(string backend)
    {
        // 200 on each backend costs the suite about a minute on a shared 2-core machine; scripts/reliability-probes.sh runs 200.
        var count = ProbeSize.Pick(50, 200);
        await using var scenario = await StartAsync(backend, ManyCardsSettings(count));
        var cards = ProbeCards(scenario, count);

        var answers = await Task.WhenAll(cards.Select(c => scenario.ClickAsync(ReminderScenario.MonitoringChannel, c.ActivityId, c.Data, ReminderVerbs.Complete, c.Person)));

        Assert.All(cards.Zip(answers), c => Assert.StartsWith($"Completed by {c.First.Person.Item2} at ", StatusLine(c.Second)));
        var audit = await scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, "monitoring", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        var completions = audit.Where(e => e.Action == AuditActions.Completed).GroupBy(e => e.OccurrenceKey!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var card in cards)
        {
            var stored = await scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", card.Key, CancellationToken.None);
            Assert.True(stored is { State: OccurrenceState.Completed } && stored.ResolvedBy!.Name == card.Person.Item2, $"{card.Key}: {stored?.State} by {stored?.ResolvedBy?.Name}");
            Assert.Equal(1, completions.GetValueOrDefault(card.Key));
        }

        Assert.Equal(count, completions.Count);
    }

    [Fact]
    public async Task StorageOutageUnderClicks_EachAnswerIsAStoredSuccessOrNotSaved_AndANewClickSucceedsOnceStorageReturns()
    {
        var count = ProbeSize.Pick(30, 200);
        await using var storage = await AzuriteServer.StartAsync(Directory.CreateTempSubdirectory("socbot-outage-").FullName);
        var settings = ManyCardsSettings(count);
        settings["ConnectionStrings:Tables"] = storage.ConnectionString;
        settings["Storage:TableName"] = "Outage";
        // The wall clock, so each click's storage budget runs out as it would in Teams' 5 s.
        await using var scenario = await StartAsync(settings, services => services.AddSingleton(TimeProvider.System));
        var cards = ProbeCards(scenario, count);

        var clicks = cards.Select(c => ClickUnderOutageAsync(scenario, c.ActivityId, c.Data, c.Person)).ToList();
        await Task.WhenAny(clicks);
        await storage.StopAsync();
        var answers = await Task.WhenAll(clicks);
        await storage.RestartAsync();

        Assert.All(answers, a => Assert.True(a.Status < 500, $"{a.Status}: {a.Body}"));
        var outcomes = cards.Zip(answers).Select(c => (c.First.Key, c.First.Person, Texts: PostedCards.Texts(JsonDocument.Parse(c.Second.Body).RootElement.GetProperty("value")))).ToList();
        var saved = outcomes.Where(o => o.Texts[0] != CardActionModule.NotSavedTitle).ToList();
        var notSaved = outcomes.Where(o => o.Texts[0] == CardActionModule.NotSavedTitle).ToList();
        Assert.All(saved, o => Assert.StartsWith($"Completed by {o.Person.Item2} at ", o.Texts[1]));
        foreach (var (key, person, _) in saved)
        {
            var stored = await scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", key, CancellationToken.None);
            Assert.True(stored is { State: OccurrenceState.Completed } && stored.ResolvedBy!.Name == person.Item2, $"{key} answered as completed but stored {stored?.State}");
        }

        Assert.NotEmpty(notSaved);
        var retry = cards.First(c => c.Key == notSaved[0].Key);
        var again = await scenario.ClickAsync(ReminderScenario.MonitoringChannel, retry.ActivityId, retry.Data, ReminderVerbs.Complete, retry.Person);
        Assert.StartsWith("Completed by ", StatusLine(again));
        Assert.Equal(OccurrenceState.Completed, (await scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", retry.Key, CancellationToken.None))?.State);
    }

    private static async Task<(int Status, string Body)> ClickUnderOutageAsync(ReminderScenario scenario, string activityId, JsonElement data, (string, string, string) person)
    {
        using var response = await scenario.SendClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, person);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<(string ActivityId, string Key, JsonElement Data, (string, string, string) Person)> ProbeCards(ReminderScenario scenario, int count)
    {
        var cards = scenario.Connector.CreatedThreads
            .Select(t => (t.ActivityId, Card: PostedCards.CardOf(t.Activity)))
            .Where(c => PostedCards.OccurrenceKeys(c.Card) is [var key] && key.StartsWith(ProbeTaskPrefix, StringComparison.Ordinal))
            .Select((c, i) => (c.ActivityId, Key: PostedCards.OccurrenceKeys(c.Card)[0], Data: PostedCards.FindAction(c.Card, ReminderVerbs.Complete).GetProperty("data"), Person: ($"29:p{i}", $"Person {i}", $"aad-p{i}")))
            .ToList();
        Assert.Equal(count, cards.Count);
        return cards;
    }

    /// <summary>
    /// The default catalog plus <paramref name="count"/> daily Monitoring tasks, each on its own card. Teams' pacing is
    /// lifted: on the test's frozen clock a call paced to a later instant would wait forever, and pacing has its own probes.
    /// </summary>
    private static Dictionary<string, string?> ManyCardsSettings(int count)
    {
        var tasks = string.Concat(Enumerable.Range(1, count).Select(i =>
            $"  - id: {ProbeTaskPrefix}{i:D3}\n    title: Probe task {i:D3}\n    cadence: Daily\n    owner: monitoring\n    source: 000_89fee7269c763c63\n"));
        var catalog = SocBot.Catalog.CatalogLoader.ReadDefaultText().Replace("\ntasks:\n", "\ntasks:\n" + tasks, StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("socbot-catalog-").FullName, "catalog.yaml");
        File.WriteAllText(path, catalog);
        return new Dictionary<string, string?>
        {
            ["SocBot:CatalogPath"] = path,
            ["Reminders:DigestByTeam:monitoring"] = "false",
            ["Connector:Pacing:PerThread:0:Length"] = "00:00:01",
            ["Connector:Pacing:PerThread:0:Limit"] = "1000000",
            ["Connector:Pacing:PerTenant:0:Length"] = "00:00:01",
            ["Connector:Pacing:PerTenant:0:Limit"] = "1000000",
        };
    }

    private Task<ReminderScenario> StartAsync(string backend, IDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>());
        if (backend == AzuriteBackend)
        {
            settings["ConnectionStrings:Tables"] = azurite.ConnectionString;
            settings["Storage:TableName"] = "Probe" + Guid.NewGuid().ToString("N");
        }

        return StartAsync(settings);
    }

    private static async Task<ReminderScenario> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? overrideServices = null)
    {
        var scenario = await ReminderScenario.StartAsync(Monday0900, settings, overrideServices: overrideServices);
        await scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await scenario.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
        await scenario.RunPassAsync();
        return scenario;
    }

    private static (string ActivityId, JsonElement Data) FindPosted(ReminderScenario scenario, string key)
    {
        var thread = scenario.Connector.CreatedThreads.First(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key));
        return (thread.ActivityId, PostedCards.FindAction(PostedCards.CardOf(thread.Activity), ReminderVerbs.Complete).GetProperty("data"));
    }

    /// <summary>A reminder card's second text: who did what, or when it is due.</summary>
    private static string StatusLine(JsonElement answer) => PostedCards.Texts(answer.GetProperty("value"))[1];

    private static async Task<int> CountAuditAsync(ReminderScenario scenario, string action, string key)
    {
        var entries = await scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, "monitoring", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        return entries.Count(e => e.Action == action && e.OccurrenceKey == key);
    }
}
