using System.Text.Json;
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

    private async Task<ReminderScenario> StartAsync(string backend, IDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>());
        if (backend == AzuriteBackend)
        {
            settings["ConnectionStrings:Tables"] = azurite.ConnectionString;
            settings["Storage:TableName"] = "Probe" + Guid.NewGuid().ToString("N");
        }

        var scenario = await ReminderScenario.StartAsync(Monday0900, settings);
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
