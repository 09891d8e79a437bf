using Azure.Core;
using SocBot.Enrichment;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// A take-over of a post that may have reached Teams, with Graph configured: the channel's messages are read back for the
/// bot's card carrying the occurrence, and only when it is not there (or Graph cannot say) is the card posted again.
/// </summary>
public sealed class PostedCardLookupEndToEndTests
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TakeOver_FirstPostIsInTheChannel_RecordsTheFoundCard_PostsNothingAgain_AndAuditsFoundPosted()
    {
        await using var stage = await StartAsync();
        var (scenario, graph) = stage;
        var uncertain = await FirstPostAnswered504Async(scenario);
        var first = Assert.Single(scenario.Connector.CreatedThreads, t => t.ChannelId == uncertain[0].ChannelId);

        scenario.Time.Advance(TimeSpan.FromMinutes(4));
        var takeOver = await scenario.RunPassAsync();

        Assert.All(uncertain, u => Assert.Equal(ReminderOutcome.FoundPosted, Assert.Single(takeOver.Items, i => i.OccurrenceKey == u.OccurrenceKey).Outcome));
        Assert.Single(scenario.Connector.CreatedThreads, t => t.ChannelId == uncertain[0].ChannelId);
        Assert.True(graph.MessageReads.Count >= 2, "the card is on the second page, behind a person's copy of it");
        foreach (var item in uncertain)
        {
            var stored = await scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, item.TeamId, item.OccurrenceKey, CancellationToken.None);
            Assert.Equal(first.ActivityId, stored!.ActivityId);
            Assert.Equal($"{first.ChannelId};messageid={first.ActivityId}", stored.ConversationId);
            var audit = await scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, item.TeamId, Monday0900.AddDays(-1), Monday0900.AddDays(1), CancellationToken.None);
            Assert.Equal(
                new[] { AuditActions.Claimed, AuditActions.PossiblyPosted, AuditActions.ClaimTakenOver, AuditActions.FoundPosted, AuditActions.Posted }.Order(StringComparer.Ordinal),
                audit.Where(a => a.OccurrenceKey == item.OccurrenceKey).Select(a => a.Action).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task TakeOver_FirstPostNotInTheChannel_PostsAgainMarked()
    {
        await using var stage = await StartAsync();
        var (scenario, graph) = stage;
        var uncertain = await FirstPostAnswered504Async(scenario);
        // Teams' gateway answered 504 and the service behind it dropped the card after all: the channel does not show it.
        graph.Drop(Assert.Single(scenario.Connector.CreatedThreads, t => t.ChannelId == uncertain[0].ChannelId).ActivityId);

        scenario.Time.Advance(TimeSpan.FromMinutes(4));
        var takeOver = await scenario.RunPassAsync();

        AssertPostedAgainMarked(scenario, uncertain, takeOver);
        Assert.NotEmpty(graph.MessageReads);
    }

    [Fact]
    public async Task TakeOver_GraphRefuses_PostsAgainMarked()
    {
        await using var stage = await StartAsync();
        var (scenario, graph) = stage;
        var uncertain = await FirstPostAnswered504Async(scenario);
        graph.FailWith = 403;

        scenario.Time.Advance(TimeSpan.FromMinutes(4));
        var takeOver = await scenario.RunPassAsync();

        AssertPostedAgainMarked(scenario, uncertain, takeOver);
        Assert.NotEmpty(graph.MessageReads);
    }

    /// <summary>The first pass's SOC Oversight digest of seven is created but answered 504: all seven may have been delivered.</summary>
    private static async Task<List<ReminderPassItem>> FirstPostAnswered504Async(ReminderScenario scenario)
    {
        scenario.Connector.CreateButAnswerGatewayError(1);
        var uncertain = (await scenario.RunPassAsync()).Items.Where(i => i.Outcome == ReminderOutcome.PossiblyPosted).ToList();
        Assert.Equal(7, uncertain.Count);
        return uncertain;
    }

    private static void AssertPostedAgainMarked(ReminderScenario scenario, List<ReminderPassItem> uncertain, ReminderPassReport takeOver)
    {
        Assert.All(uncertain, u => Assert.Equal(ReminderOutcome.PostedAgain, Assert.Single(takeOver.Items, i => i.OccurrenceKey == u.OccurrenceKey).Outcome));
        var copies = scenario.Connector.CreatedThreads.Where(t => t.ChannelId == uncertain[0].ChannelId).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Contains(ReminderCards.PostedAgainNotice, PostedCards.Texts(PostedCards.CardOf(copies[1].Activity)));
    }

    private static async Task<Stage> StartAsync()
    {
        // Graph's address goes into the bot's configuration; what it serves is the Teams stand-in's channels, known only after.
        var server = await LoopbackServer.StartAsync();
        var scenario = await ReminderScenario.StartAsync(
            Monday0900.AddHours(-1),
            new Dictionary<string, string?>
            {
                ["Graph:Enabled"] = "true",
                ["Graph:BaseUrl"] = new Uri(server.BaseUrl, "v1.0").AbsoluteUri,
            },
            overrideServices: services => services.AddKeyedSingleton<TokenCredential>(GraphOptions.SectionName, new FixedTokenCredential("graph-token")));
        var graph = GraphChannelMessagesStandIn.Serve(server, scenario.Connector);
        scenario.Connector.AddTeam(ReminderScenario.TeamsTeamId, "SOC", (ReminderScenario.MonitoringChannel, "Monitoring"), (ReminderScenario.OversightChannel, "Oversight"));
        await scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await scenario.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
        scenario.Time.SetUtcNow(Monday0900);
        return new Stage(scenario, graph);
    }

    private sealed record Stage(ReminderScenario Scenario, GraphChannelMessagesStandIn Graph) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scenario.DisposeAsync();
            await Graph.DisposeAsync();
        }
    }
}
