using Azure.Core;
using SocBot.Enrichment;

namespace SocBot.Tests.EndToEnd;

/// <summary>Reminder cards carry live Microsoft 365 figures from a Graph stand-in when Graph is configured, and go out without them when it fails.</summary>
public sealed class LiveDataEndToEndTests
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private const string SecureScoreKey = "generate-secure-score-report/monitoring/2026-W02";

    [Fact]
    public async Task SecureScoreReminder_ShowsTheLatestScoreFromGraph()
    {
        await using var graph = await LoopbackServer.StartAsync();
        var scores = Enrichment.GraphStage.WireFile("secure-scores.json");
        graph.SetDefault(r => r.PathAndQuery.StartsWith("/v1.0/security/secureScores", StringComparison.Ordinal)
            ? LoopbackResponse.Json(200, scores)
            : LoopbackResponse.Json(404, """{"error":{"code":"NotFound","message":"no such resource"}}"""));
        await using var scenario = await StartAsync(graph);

        await scenario.RunPassAsync();

        var texts = TextsOfCardFor(scenario, SecureScoreKey);
        var heading = texts.ToList().IndexOf("Microsoft Secure Score");
        Assert.True(heading > 0, string.Join(" | ", texts));
        Assert.Equal("Secure Score: 71.3 / 98 (72 %)", texts[heading + 1]);
        Assert.Equal("Bearer graph-token", Assert.Single(graph.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task GraphFailing_TheReminderStillGoesOut_WithoutLiveData()
    {
        await using var graph = await LoopbackServer.StartAsync();
        graph.SetDefault(_ => LoopbackResponse.Json(500, """{"error":{"code":"InternalServerError","message":"boom"}}"""));
        await using var scenario = await StartAsync(graph);

        await scenario.RunPassAsync();

        var texts = TextsOfCardFor(scenario, SecureScoreKey);
        Assert.Equal("Generate Secure Score report", texts[0]);
        Assert.DoesNotContain("Microsoft Secure Score", texts);
    }

    private static async Task<ReminderScenario> StartAsync(LoopbackServer graph)
    {
        var scenario = await ReminderScenario.StartAsync(
            Monday0900,
            new Dictionary<string, string?>
            {
                ["Graph:Enabled"] = "true",
                ["Graph:BaseUrl"] = new Uri(graph.BaseUrl, "v1.0").AbsoluteUri,
            },
            overrideServices: services => services.AddKeyedSingleton<TokenCredential>(GraphOptions.SectionName, new FixedTokenCredential("graph-token")));
        await scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        return scenario;
    }

    private static IReadOnlyList<string> TextsOfCardFor(ReminderScenario scenario, string key) =>
        PostedCards.Texts(PostedCards.CardOf(
            scenario.Connector.CreatedThreads.Single(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key)).Activity));
}
