using System.Web;
using Microsoft.Extensions.Logging;
using SocBot.Enrichment;
using SocBot.Testing;

namespace SocBot.Tests.Enrichment;

public sealed class GraphLiveTaskDataTests
{
    private const string SecureScoreTask = "generate-secure-score-report";
    private const string MessageCenterTask = "portal-or-license-management";

    [Fact]
    public async Task GetAsync_SecureScoreTask_ReturnsScoreWeeklyChangeAndSnapshotDate()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();

        var data = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.NotNull(data);
        Assert.Equal("Microsoft Secure Score", data.Heading);
        Assert.Equal(
            [new LiveFact("Secure Score", "71.3 / 98 (72 %)"), new LiveFact("Change in 7 days", "+2.5"), new LiveFact("As of", "2026-01-05")],
            data.Facts);
        Assert.Equal(stage.Time.GetUtcNow(), data.AsOf);
        var request = Assert.Single(stage.GraphRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1.0/security/secureScores", request.PathAndQuery.Split('?')[0]);
        Assert.Equal("8", HttpUtility.ParseQueryString(new Uri(stage.Server.BaseUrl, request.PathAndQuery).Query)["$top"]);
        Assert.Equal($"Bearer {GraphStage.Token}", request.Header("Authorization"));
    }

    [Fact]
    public async Task GetAsync_MessageCenterTask_FollowsNextLinkAndCountsTheWeek()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();

        var data = await stage.Data.GetAsync(MessageCenterTask, CancellationToken.None);

        Assert.NotNull(data);
        Assert.Equal("Message center, last 7 days", data.Heading);
        Assert.Equal(
            [
                new LiveFact("Messages", "5"),
                new LiveFact("Action required", "3"),
                new LiveFact("MC1100004", "Microsoft 365 Defender portal: licensing page moves to Settings"),
                new LiveFact("MC1100001", "Microsoft Defender XDR: new role for Secure Score read access"),
                new LiveFact("MC1100002", "Teams: updated meeting recording retention defaults"),
            ],
            data.Facts);
        Assert.Equal(2, stage.GraphRequests.Count);
        var first = HttpUtility.ParseQueryString(new Uri(stage.Server.BaseUrl, stage.GraphRequests[0].PathAndQuery).Query);
        Assert.Equal("lastModifiedDateTime ge 2025-12-29T09:00:00Z", first["$filter"]);
        Assert.Equal("lastModifiedDateTime desc", first["$orderby"]);
        var second = HttpUtility.ParseQueryString(new Uri(stage.Server.BaseUrl, stage.GraphRequests[1].PathAndQuery).Query);
        Assert.Equal("MTAw", second["$skiptoken"]);
        Assert.All(stage.GraphRequests, r => Assert.Equal($"Bearer {GraphStage.Token}", r.Header("Authorization")));
    }

    [Fact]
    public async Task GetAsync_NextLinkToAnotherHost_FollowsItWithoutTheToken()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();
        var elsewhere = new UriBuilder(stage.Server.BaseUrl) { Host = "localhost" }.Uri.ToString();
        stage.Server.EnqueueResponse(LoopbackResponse.Json(200, GraphStage.WireFile("messages-page1.json").Replace("{{baseUrl}}", elsewhere, StringComparison.Ordinal)));

        var data = await stage.Data.GetAsync(MessageCenterTask, CancellationToken.None);

        Assert.NotNull(data);
        Assert.Equal(2, stage.GraphRequests.Count);
        Assert.Equal($"Bearer {GraphStage.Token}", stage.GraphRequests[0].Header("Authorization"));
        Assert.Null(stage.GraphRequests[1].Header("Authorization"));
    }

    [Fact]
    public async Task GetAsync_MessageCenterKeepsLinkingPages_StopsAtBoundAndCountsAsLowerLimit()
    {
        await using var stage = await GraphStage.StartAsync();
        var endless = GraphStage.WireFile("messages-page1.json").Replace("{{baseUrl}}", stage.Server.BaseUrl.ToString(), StringComparison.Ordinal);
        stage.Server.SetDefault(_ => LoopbackResponse.Json(200, endless));

        var data = await stage.Data.GetAsync(MessageCenterTask, CancellationToken.None);

        Assert.NotNull(data);
        Assert.Equal(GraphLiveTaskData.MaxMessagePages, stage.GraphRequests.Count);
        Assert.Equal(new LiveFact("Messages", $"{3 * GraphLiveTaskData.MaxMessagePages}+"), data.Facts[0]);
        Assert.Equal(new LiveFact("Action required", $"{2 * GraphLiveTaskData.MaxMessagePages}+"), data.Facts[1]);
    }

    [Fact]
    public async Task GetAsync_ThrottledOnceWithRetryAfter_RetriesAndReturnsData()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();
        stage.Server.EnqueueResponse(LoopbackResponse.Json(
            429,
            """{"error":{"code":"TooManyRequests","message":"Too many requests, retry after 1 second."}}""",
            new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var data = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.NotNull(data);
        Assert.Equal("71.3 / 98 (72 %)", data.Facts[0].Value);
        Assert.Equal(2, stage.GraphRequests.Count);
        Assert.True(stage.GraphRequests[1].ReceivedAt - stage.GraphRequests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "The retry waited for Retry-After.");
        Assert.Empty(stage.EnrichmentLogs(LogLevel.Warning));
    }

    [Fact]
    public async Task GetAsync_GraphAnswers500_ReturnsNullAndLogsOnce()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.Server.SetDefault(_ => LoopbackResponse.Json(500, """{"error":{"code":"InternalServerError","message":"Something went wrong."}}"""));

        var data = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.Null(data);
        var entry = Assert.Single(stage.EnrichmentLogs(LogLevel.Warning));
        Assert.Equal(9001, entry.EventId.Id);
        Assert.Contains("500", entry.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LiveDataKind.SecureScore), entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphStage.Token, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AgainSoonAfterAFailure_BacksOffThenAsksAgain()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();
        stage.Server.EnqueueResponse(LoopbackResponse.Json(500, """{"error":{"code":"InternalServerError","message":"Something went wrong."}}"""));

        var failed = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);
        stage.Time.Advance(GraphLiveTaskData.FailureBackoff - TimeSpan.FromSeconds(1));
        var backingOff = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);
        var requestsWhileBackingOff = stage.GraphRequests.Count;
        stage.Time.Advance(TimeSpan.FromSeconds(1));
        var recovered = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.Null(failed);
        Assert.Null(backingOff);
        Assert.Equal(1, requestsWhileBackingOff);
        Assert.NotNull(recovered);
        Assert.Equal(2, stage.GraphRequests.Count);
        Assert.Single(stage.EnrichmentLogs(LogLevel.Warning));
    }

    [Fact]
    public async Task GetAsync_GraphSlowerThanTimeout_ReturnsNullAndLogsTheTimeout()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();
        stage.Server.EnqueueDelay(TimeSpan.FromSeconds(2), LoopbackResponse.Json(200, GraphStage.WireFile("secure-scores.json")));

        var pending = stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);
        await WaitForRequestAsync(stage);
        stage.Time.Advance(TimeSpan.FromSeconds(2));
        var data = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(data);
        var entry = Assert.Single(stage.EnrichmentLogs(LogLevel.Warning));
        Assert.Equal(9002, entry.EventId.Id);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task GetAsync_TwiceWithinCacheFor_AsksGraphOnce()
    {
        await using var stage = await GraphStage.StartAsync(new Dictionary<string, string?> { ["Graph:CacheFor"] = "00:15:00" });
        stage.AnswerLikeGraph();

        var first = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);
        stage.Time.Advance(TimeSpan.FromMinutes(14));
        var second = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Single(stage.GraphRequests);
    }

    [Fact]
    public async Task GetAsync_AfterCacheFor_AsksGraphAgain()
    {
        await using var stage = await GraphStage.StartAsync(new Dictionary<string, string?> { ["Graph:CacheFor"] = "00:15:00" });
        stage.AnswerLikeGraph();

        await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);
        stage.Time.Advance(TimeSpan.FromMinutes(15));
        var again = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.NotNull(again);
        Assert.Equal(stage.Time.GetUtcNow(), again.AsOf);
        Assert.Equal(2, stage.GraphRequests.Count);
    }

    [Fact]
    public async Task GetAsync_ManyCardsAtOnce_AskGraphOnce()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => stage.Data.GetAsync(SecureScoreTask, CancellationToken.None)));

        Assert.All(all, Assert.NotNull);
        Assert.Single(stage.GraphRequests);
    }

    [Fact]
    public async Task GetAsync_Disabled_ReturnsNullWithoutAskingGraph()
    {
        await using var stage = await GraphStage.StartAsync(new Dictionary<string, string?> { ["Graph:Enabled"] = "false" });
        stage.AnswerLikeGraph();

        var data = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.Null(data);
        Assert.Empty(stage.GraphRequests);
        Assert.Equal(0, stage.Credential.Requests);
    }

    [Fact]
    public async Task GetAsync_TaskWithoutEnrichment_ReturnsNullWithoutAskingGraph()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();

        var data = await stage.Data.GetAsync("run-ir-tabletop-exercise", CancellationToken.None);

        Assert.Null(data);
        Assert.Empty(stage.GraphRequests);
    }

    [Fact]
    public async Task GetAsync_TaskMappedInConfiguration_ReadsItsKindAndTheDefaultsGo()
    {
        await using var stage = await GraphStage.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TaskEnrichments:update-soc-escalation-tickets"] = "MessageCenter",
        });
        stage.AnswerLikeGraph();

        var configured = await stage.Data.GetAsync("update-soc-escalation-tickets", CancellationToken.None);
        var byDefault = await stage.Data.GetAsync(SecureScoreTask, CancellationToken.None);

        Assert.Equal("Message center, last 7 days", configured?.Heading);
        Assert.Null(byDefault);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_ThrowsWithoutLoggingAFailure()
    {
        await using var stage = await GraphStage.StartAsync();
        stage.AnswerLikeGraph();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stage.Data.GetAsync(SecureScoreTask, cancelled.Token));

        Assert.Empty(stage.EnrichmentLogs(LogLevel.Warning));
    }

    private static async Task WaitForRequestAsync(GraphStage stage)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (stage.GraphRequests.Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }
    }
}
