using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Catalog;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Completions;

/// <summary>
/// What one click on a posted card costs in storage: the occurrence read once, one conditional write (which writes its
/// audit row), and for a digest only the teams and due range the card recorded in its buttons. Cards posted before
/// buttons recorded that are still rebuilt whole, by searching every team as before.
/// </summary>
public sealed class CardClickCostTests
{
    /// <summary>Monday 5 January 2026, 09:00 UTC: the week's first reminders are due.</summary>
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Name, string Aad) Ada = ("29:ada", "Ada Lovelace", "aad-ada");

    private static readonly string[] ScopeKeys = ["card", "teams", "due"];

    [Fact]
    public async Task Click_StandAloneCard_ReadsTheOccurrenceOnce_AndWritesOnceWithItsAuditRow()
    {
        Func<CountingStateStore> counter = null!;
        await using var scenario = await ReminderScenario.StartAsync(Monday0900, overrideServices: s => counter = CountingStateStore.Decorate(s));
        await scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await scenario.RunPassAsync();
        var thread = scenario.Connector.CreatedThreads.First(t => t.ChannelId == ReminderScenario.MonitoringChannel);
        var data = PostedCards.Actions(PostedCards.CardOf(thread.Activity), ReminderVerbs.Complete)[0].GetProperty("data");
        var key = data.GetProperty("occ").GetString()!;
        Assert.Equal("reminder", data.GetProperty("card").GetString());
        var mark = counter().Calls.Count;

        var answer = await scenario.ClickAsync(ReminderScenario.MonitoringChannel, thread.ActivityId, data, ReminderVerbs.Complete, Ada);

        Assert.Equal(["GetOccurrenceAsync", "CompleteAsync"], counter().Since(mark).Select(c => c.Method));
        Assert.StartsWith("Completed by Ada Lovelace", PostedCards.Texts(answer.GetProperty("value"))[1], StringComparison.Ordinal);
        var audit = await scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, "monitoring", Monday0900.AddDays(-1), Monday0900.AddDays(1), CancellationToken.None);
        Assert.Single(audit, a => a.OccurrenceKey == key && a.Action == AuditActions.Completed && a.By.Name == "Ada Lovelace");
    }

    [Fact]
    public async Task Click_DigestRow_ReadsOnlyTheDigestsTeamsOverItsDueRange_AndRebuildsEveryRow()
    {
        Func<CountingStateStore> counter = null!;
        await using var scenario = await DigestScenarioAsync(s => counter = CountingStateStore.Decorate(s));
        var digest = Assert.Single(scenario.Connector.CreatedThreads);
        var posted = PostedCards.CardOf(digest.Activity);
        var keys = PostedCards.OccurrenceKeys(posted);
        Assert.Equal(10, keys.Count);
        var records = await Task.WhenAll(keys.Select(k => scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, OccurrenceKey.Parse(k).TeamId, k, CancellationToken.None)));
        var teams = records.Select(r => r!.TeamId).Distinct().Order(StringComparer.Ordinal).ToList();
        var (firstDue, lastDue) = (records.Min(r => r!.DueAt), records.Max(r => r!.DueAt));
        var data = PostedCards.Actions(posted, ReminderVerbs.Complete)[0].GetProperty("data");
        Assert.InRange(data.GetRawText().Length - WithoutScope(data).GetRawText().Length, 1, 150);
        var mark = counter().Calls.Count;

        var answer = await scenario.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, data, ReminderVerbs.Complete, Ada);

        var calls = counter().Since(mark);
        Assert.Equal(["GetOccurrenceAsync", "CompleteAsync"], calls.Where(c => c.Method != "ListTeamOccurrencesAsync").Select(c => c.Method));
        var lists = calls.Where(c => c.Method == "ListTeamOccurrencesAsync").ToList();
        Assert.Equal(teams, lists.Select(c => (string)c.Args[1]!).Order(StringComparer.Ordinal));
        Assert.All(lists, c => Assert.InRange((DateTimeOffset)c.Args[2]!, firstDue.AddMinutes(-1), firstDue));
        Assert.All(lists, c => Assert.InRange((DateTimeOffset)c.Args[3]!, lastDue.AddTicks(1), lastDue.AddMinutes(1)));
        var rebuilt = answer.GetProperty("value");
        Assert.Equal(PostedCards.Texts(posted)[0], PostedCards.Texts(rebuilt)[0]);
        Assert.Equal(keys.Skip(1), PostedCards.OccurrenceKeys(rebuilt));
        Assert.All(PostedCards.Actions(rebuilt, ReminderVerbs.Complete), a => Assert.Equal(data.GetProperty("teams").GetRawText(), a.GetProperty("data").GetProperty("teams").GetRawText()));
    }

    [Fact]
    public async Task Click_DigestPostedByThePreviousVersion_SearchesEveryTeam_AndTheUpdatedCardRecordsItsScope()
    {
        Func<CountingStateStore> counter = null!;
        await using var scenario = await DigestScenarioAsync(s => counter = CountingStateStore.Decorate(s));
        var digest = Assert.Single(scenario.Connector.CreatedThreads);
        var posted = PostedCards.CardOf(digest.Activity);
        var keys = PostedCards.OccurrenceKeys(posted);
        var oldShape = WithoutScope(PostedCards.Actions(posted, ReminderVerbs.Complete)[3].GetProperty("data"));
        var mark = counter().Calls.Count;

        var answer = await scenario.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, oldShape, ReminderVerbs.Complete, Ada);

        var catalogTeams = scenario.Bot.Services.GetRequiredService<ICatalogSource>().Current.Teams.Select(t => t.Id).Order(StringComparer.Ordinal);
        var lists = counter().Since(mark).Where(c => c.Method == "ListTeamOccurrencesAsync").ToList();
        Assert.Equal(catalogTeams, lists.Select(c => (string)c.Args[1]!).Order(StringComparer.Ordinal));
        var rebuilt = answer.GetProperty("value");
        Assert.Equal(PostedCards.Texts(posted)[0], PostedCards.Texts(rebuilt)[0]);
        Assert.Equal(keys.Where(k => k != oldShape.GetProperty("occ").GetString()), PostedCards.OccurrenceKeys(rebuilt));
        var update = PostedCards.CardOf(Assert.Single(scenario.Connector.Updates).Json);
        var scope = PostedCards.Actions(posted, ReminderVerbs.Complete)[0].GetProperty("data").GetProperty("teams").GetString();
        Assert.All(PostedCards.Actions(update, ReminderVerbs.Complete), a => Assert.Equal(scope, a.GetProperty("data").GetProperty("teams").GetString()));
    }

    [Fact]
    public async Task Click_StandAloneCardPostedByThePreviousVersion_StillUpdatesIt()
    {
        await using var scenario = await ReminderScenario.StartAsync(Monday0900);
        await scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await scenario.RunPassAsync();
        var thread = scenario.Connector.CreatedThreads.First(t => t.ChannelId == ReminderScenario.MonitoringChannel);
        var oldShape = WithoutScope(PostedCards.Actions(PostedCards.CardOf(thread.Activity), ReminderVerbs.Complete)[0].GetProperty("data"));

        var answer = await scenario.ClickAsync(ReminderScenario.MonitoringChannel, thread.ActivityId, oldShape, ReminderVerbs.Complete, Ada);

        Assert.StartsWith("Completed by Ada Lovelace", PostedCards.Texts(answer.GetProperty("value"))[1], StringComparison.Ordinal);
        var update = Assert.Single(scenario.Connector.Updates);
        Assert.EndsWith($"/activities/{thread.ActivityId}", update.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(PostedCards.Texts(answer.GetProperty("value")), PostedCards.Texts(PostedCards.CardOf(update.Json)));
    }

    /// <summary>A button's data as the previous version wrote it: the occurrence, with no word on which card it is on.</summary>
    private static JsonElement WithoutScope(JsonElement data)
    {
        var json = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var key in ScopeKeys)
        {
            json.Remove(key);
        }

        return JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();
    }

    /// <summary>Every SOC team bound to SOC Oversight's channel: Monday 09:00 brings one digest of all ten reminders.</summary>
    private static async Task<ReminderScenario> DigestScenarioAsync(Action<IServiceCollection> overrideServices)
    {
        var scenario = await ReminderScenario.StartAsync(Monday0900, overrideServices: overrideServices);
        foreach (var team in scenario.Bot.Services.GetRequiredService<ICatalogSource>().Current.Teams)
        {
            await scenario.BindAsync(team.Id, ReminderScenario.OversightChannel);
        }

        await scenario.RunPassAsync();
        return scenario;
    }
}
