using System.Text.Json;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Tests.EndToEnd;

public sealed class ReminderEndToEndTests : IAsyncLifetime
{
    /// <summary>Monday 5 January 2026, 09:00 in the default catalog's time zone (UTC): the week's first reminders are due.</summary>
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Name, string Aad) Ada = ("29:ada", "Ada Lovelace", "aad-ada");
    private static readonly (string Id, string Name, string Aad) Grace = ("29:grace", "Grace Hopper", "aad-grace");

    private ReminderScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await ReminderScenario.StartAsync(Monday0900.AddHours(-1));
        await _scenario.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await _scenario.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Pass_Monday0900_PostsExactlyTheDueCards_ToTheirTeamsChannels()
    {
        _scenario.Time.SetUtcNow(Monday0900);

        var report = await _scenario.RunPassAsync();

        var expected = _scenario.Bot.Services.GetRequiredService<OccurrenceSchedule>()
            .List(Monday0900.AddHours(-12), Monday0900.AddTicks(1))
            .Select(o => o.Key.ToString())
            .ToHashSet();
        Assert.Equal(10, expected.Count);
        Assert.Contains("update-soc-escalation-tickets/csirt/2026-01-05", expected);
        Assert.Contains("generate-secure-score-report/monitoring/2026-W02", expected);

        var posted = PostedKeysByChannel();
        Assert.Equal(expected, posted.Keys.ToHashSet());
        Assert.All(posted.Where(p => p.Key.Split('/')[1] == "monitoring"), p => Assert.Equal(ReminderScenario.MonitoringChannel, p.Value));
        Assert.All(posted.Where(p => p.Key.Split('/')[1] != "monitoring"), p => Assert.Equal(ReminderScenario.OversightChannel, p.Value));

        var threads = _scenario.Connector.CreatedThreads;
        Assert.Equal(3, threads.Count(t => t.ChannelId == ReminderScenario.MonitoringChannel));
        var digest = Assert.Single(threads, t => t.ChannelId == ReminderScenario.OversightChannel);
        var digestTexts = PostedCards.Texts(PostedCards.CardOf(digest.Activity));
        Assert.Equal("7 SOC tasks due for 4 teams", digestTexts[0]);
        Assert.Contains(digestTexts, t => t.StartsWith("Threat Intelligence & Analytics (no channel yet) · Open · due in", StringComparison.Ordinal));
        Assert.StartsWith("Teams with no channel yet get their reminders here.", digestTexts[^1], StringComparison.Ordinal);
        Assert.All(report.Items.Where(i => i.InDigest), i => Assert.Equal($"\"{digestTexts[0]}\"", i.Detail));
    }

    [Fact]
    public async Task Pass_RunTwiceAndConcurrently_PostsEachOccurrenceOnce()
    {
        _scenario.Time.SetUtcNow(Monday0900);

        await Task.WhenAll(_scenario.RunPassAsync(), _scenario.RunPassAsync(), _scenario.RunPassAsync());
        await _scenario.RunPassAsync();

        var keys = _scenario.Connector.CreatedThreads.SelectMany(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity))).ToList();
        Assert.Equal(10, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Pass_ClaimAbandonedBeforePosting_IsPostedOnceByALaterPass()
    {
        _scenario.Time.SetUtcNow(Monday0900);
        var key = "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05";
        var crashed = await _scenario.Store.ClaimOccurrenceAsync(
            new OccurrenceClaim(ReminderScenario.TenantId, key, "monitoring", key.Split('/')[0], "2026-01-05", Monday0900.AddHours(8), Guid.NewGuid()),
            CancellationToken.None);
        Assert.True(crashed.Claimed);

        await _scenario.RunPassAsync();
        Assert.DoesNotContain(key, PostedKeysByChannel().Keys);

        _scenario.Time.Advance(TimeSpan.FromMinutes(4));
        await _scenario.RunPassAsync();
        await _scenario.RunPassAsync();

        Assert.Equal(1, _scenario.Connector.CreatedThreads.Count(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key)));
        var stored = await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", key, CancellationToken.None);
        Assert.True(stored!.IsPosted);
    }

    [Fact]
    public async Task Pass_CreateAnswered504ButDelivered_RecordsPossiblyPosted_ThenATakeOverPostsOnceMoreMarkedAndAudited()
    {
        _scenario.Time.SetUtcNow(Monday0900);
        _scenario.Connector.CreateButAnswerGatewayError(1);

        var first = await _scenario.RunPassAsync();

        // The first card out is SOC Oversight's digest of seven: all seven may have been delivered.
        var uncertain = first.Items.Where(i => i.Outcome == ReminderOutcome.PossiblyPosted).ToList();
        Assert.Equal(7, uncertain.Count);
        var possibly = uncertain[0];
        Assert.Equal(1, _scenario.Connector.CreatedThreads.Count(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(possibly.OccurrenceKey)));
        var stored = await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, possibly.TeamId, possibly.OccurrenceKey, CancellationToken.None);
        Assert.Equal((PostAttempt?)PostAttempt.MayHaveBeenDelivered, stored?.LastPostAttempt);

        await _scenario.RunPassAsync();
        Assert.Equal(1, _scenario.Connector.CreatedThreads.Count(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(possibly.OccurrenceKey)));

        _scenario.Time.Advance(TimeSpan.FromMinutes(4));
        var takeOver = await _scenario.RunPassAsync();

        Assert.Equal(ReminderOutcome.PostedAgain, Assert.Single(takeOver.Items, i => i.OccurrenceKey == possibly.OccurrenceKey && i.Outcome != ReminderOutcome.AlreadyClaimed).Outcome);
        var copies = _scenario.Connector.CreatedThreads.Where(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(possibly.OccurrenceKey)).ToList();
        Assert.Equal(2, copies.Count);
        Assert.DoesNotContain(ReminderCards.PostedAgainNotice, PostedCards.Texts(PostedCards.CardOf(copies[0].Activity)));
        Assert.Contains(ReminderCards.PostedAgainNotice, PostedCards.Texts(PostedCards.CardOf(copies[1].Activity)));
        var audit = await _scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, possibly.TeamId, Monday0900.AddDays(-1), Monday0900.AddDays(1), CancellationToken.None);
        Assert.Equal(
            new[] { AuditActions.Claimed, AuditActions.PossiblyPosted, AuditActions.ClaimTakenOver, AuditActions.PostingAgain, AuditActions.Posted }.Order(StringComparer.Ordinal),
            audit.Where(a => a.OccurrenceKey == possibly.OccurrenceKey).Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.True((await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, possibly.TeamId, possibly.OccurrenceKey, CancellationToken.None))!.IsPosted);
    }

    [Fact]
    public async Task Pass_AfterDowntime_PostsMissedRemindersMarkedLate_WithinTheHorizonOnly()
    {
        _scenario.Time.SetUtcNow(Monday0900.AddHours(6));

        var report = await _scenario.RunPassAsync();

        Assert.All(report.Items.Where(i => i.Outcome == ReminderOutcome.Posted), i => Assert.True(i.Late));
        var single = _scenario.Connector.CreatedThreads.First(t => t.ChannelId == ReminderScenario.MonitoringChannel);
        Assert.Contains("Posted late: SocBot was not running at the reminder time.", PostedCards.Texts(PostedCards.CardOf(single.Activity)));

        await using var later = await ReminderScenario.StartAsync(Monday0900.AddHours(13));
        await later.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        var missed = await later.RunPassAsync();
        Assert.Empty(missed.Posted);
    }

    [Fact]
    public async Task CompleteFromCard_AnswersUpdatedCard_UpdatesItForEveryone_AndRecordsOnce()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");
        _scenario.Time.Advance(TimeSpan.FromMinutes(102));

        var answer = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, Ada,
            new Dictionary<string, string> { ["note"] = "Score 71 → 74, sent to asset owners", ["evidence"] = "INC-4242" });

        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        var status = PostedCards.Texts(answer.GetProperty("value"))[1];
        Assert.Equal("Completed by Ada Lovelace at Mon 5 Jan 10:42 UTC — Score 71 → 74, sent to asset owners (evidence: INC-4242)", status);
        Assert.Equal([ReminderVerbs.Refresh], PostedCards.Verbs(answer.GetProperty("value")));

        var update = Assert.Single(_scenario.Connector.Updates);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString($"{ReminderScenario.MonitoringChannel};messageid={activityId}")}/activities/{activityId}", update.PathAndQuery);
        Assert.Equal(status, PostedCards.Texts(PostedCards.CardOf(update.Json))[1]);

        var second = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, Grace);
        Assert.StartsWith("Completed by Ada Lovelace", PostedCards.Texts(second.GetProperty("value"))[1]);
        Assert.Single(_scenario.Connector.Updates);
        Assert.Equal(1, await CountAuditAsync("monitoring", AuditActions.Completed));
    }

    [Fact]
    public async Task TwentyConcurrentClicks_RecordOneCompletion()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");
        var people = Enumerable.Range(0, 20).Select(i => ($"29:p{i}", $"Person {i}", $"aad-{i}")).ToList();

        var answers = await Task.WhenAll(people.Select(p => _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, p)));

        var winners = answers.Select(a => PostedCards.Texts(a.GetProperty("value"))[1]).Distinct().ToList();
        Assert.Single(winners);
        Assert.Equal(1, await CountAuditAsync("monitoring", AuditActions.Completed));
        var stored = await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", "generate-secure-score-report/monitoring/2026-W02", CancellationToken.None);
        Assert.StartsWith($"Completed by {stored!.ResolvedBy!.Name} ", winners[0]);
    }

    [Fact]
    public async Task ForgedOrForeignClicks_GetAMessageCard_AndRecordNothing()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");
        var forged = JsonDocument.Parse(data.GetRawText().Replace("2026-W02", "2026-W09", StringComparison.Ordinal)).RootElement;
        var garbage = JsonDocument.Parse("""{"socbot":"occurrence","tenant":"x","team":"monitoring","occ":"../../etc"}""").RootElement;

        var unknown = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, forged, ReminderVerbs.Complete, Ada);
        var unreadable = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, garbage, ReminderVerbs.Complete, Ada);
        var otherTenant = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, Ada, tenantId: "99999999-0000-0000-0000-000000000000");
        var otherChannel = await _scenario.ClickAsync(ReminderScenario.OversightChannel, activityId, data, ReminderVerbs.Complete, Ada);

        Assert.Equal("Unknown reminder", PostedCards.Texts(unknown.GetProperty("value"))[0]);
        Assert.Equal("Not a SocBot reminder", PostedCards.Texts(unreadable.GetProperty("value"))[0]);
        Assert.Equal("Another organization's reminder", PostedCards.Texts(otherTenant.GetProperty("value"))[0]);
        Assert.Equal("Not your team's task", PostedCards.Texts(otherChannel.GetProperty("value"))[0]);
        Assert.Equal(0, await CountAuditAsync("monitoring", AuditActions.Completed));
        Assert.Empty(_scenario.Connector.Updates);
    }

    [Fact]
    public async Task Skip_NeedsAReason_AndKeepsItVerbatim()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");

        var refused = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Skip, Ada, new Dictionary<string, string> { ["reason"] = "   " });
        var skipped = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Skip, Ada,
            new Dictionary<string, string> { ["reason"] = "Portal outage ' or 1 eq 1 --" });

        Assert.Equal("A reason is needed", PostedCards.Texts(refused.GetProperty("value"))[0]);
        Assert.Equal("Skipped by Ada Lovelace at Mon 5 Jan 09:00 UTC: Portal outage ' or 1 eq 1 --", PostedCards.Texts(skipped.GetProperty("value"))[1]);
        var stored = await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", "generate-secure-score-report/monitoring/2026-W02", CancellationToken.None);
        Assert.Equal(OccurrenceState.Skipped, stored!.State);
        Assert.Equal("Portal outage ' or 1 eq 1 --", stored.Reason);
    }

    [Fact]
    public async Task Overdue_TurnsCardThenNudgesThenEscalates_AtTheRightInstants_AndNeverForCompletedWork()
    {
        var key = "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05";
        var (activityId, data) = await PostMonitoringCardAsync(key);
        var done = "update-soc-escalation-tickets/monitoring/2026-01-05";
        var (doneActivity, doneData) = FindPosted(done);
        await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, doneActivity, doneData, ReminderVerbs.Complete, Ada);
        var updatesBefore = _scenario.Connector.Updates.Count;

        _scenario.Time.SetUtcNow(Monday0900.AddHours(8).AddMinutes(-1));
        await _scenario.RunPassAsync();
        Assert.Equal(updatesBefore, _scenario.Connector.Updates.Count);

        _scenario.Time.SetUtcNow(Monday0900.AddHours(8));
        await _scenario.RunPassAsync();
        var overdue = _scenario.Connector.Updates.Where(u => u.PathAndQuery.EndsWith($"/activities/{activityId}", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("Overdue", PostedCards.Texts(PostedCards.CardOf(Assert.Single(overdue).Json))[1]);

        _scenario.Time.SetUtcNow(Monday0900.AddHours(10));
        await _scenario.RunPassAsync();
        var nudge = Assert.Single(_scenario.Connector.ThreadMessages, m => m.PathAndQuery.Contains(Uri.EscapeDataString($";messageid={activityId}"), StringComparison.Ordinal));
        var nudgeTexts = PostedCards.Texts(PostedCards.CardOf(nudge.Json));
        Assert.Equal("Overdue by 2 h: Track Microsoft 365 Defender Threat & Vulnerability remediation activity", nudgeTexts[0]);
        Assert.Equal("Monitoring · was due Mon 5 Jan 17:00 UTC", nudgeTexts[1]);
        Assert.DoesNotContain(_scenario.Connector.ThreadMessages, m => m.PathAndQuery.Contains(Uri.EscapeDataString($";messageid={doneActivity}"), StringComparison.Ordinal));

        var summariesBefore = _scenario.Connector.CreatedThreads.Count(t => t.ChannelId == ReminderScenario.OversightChannel);
        _scenario.Time.SetUtcNow(Monday0900.AddHours(16).AddMinutes(-1));
        await _scenario.RunPassAsync();
        Assert.Equal(summariesBefore, _scenario.Connector.CreatedThreads.Count(t => t.ChannelId == ReminderScenario.OversightChannel));

        _scenario.Time.SetUtcNow(Monday0900.AddHours(16));
        await _scenario.RunPassAsync();
        var summary = _scenario.Connector.CreatedThreads.Where(t => t.ChannelId == ReminderScenario.OversightChannel).Last();
        var texts = PostedCards.Texts(PostedCards.CardOf(summary.Activity));
        Assert.StartsWith("Escalation: ", texts[0]);
        var monitoring = texts.ToList().IndexOf("Monitoring");
        Assert.Equal(["Monitoring", "Contacts: none in the catalog", "**Track Microsoft 365 Defender Threat & Vulnerability remediation activity** — Monitoring — overdue by 8 h"], texts.Skip(monitoring).Take(3));
        Assert.Equal(
            $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(ReminderScenario.MonitoringChannel)}/{activityId}?tenantId={ReminderScenario.TenantId}&parentMessageId={activityId}",
            Assert.Single(PostedCards.OpenUrls(PostedCards.CardOf(summary.Activity)), u => u.Contains(Uri.EscapeDataString(ReminderScenario.MonitoringChannel), StringComparison.Ordinal)));

        _scenario.Time.Advance(TimeSpan.FromHours(1));
        await _scenario.RunPassAsync();
        Assert.Equal(1, await CountAuditAsync("monitoring", AuditActions.EscalationAdvanced, key, detailContains: "→ 3"));
    }

    [Fact]
    public async Task Snooze_HidesEscalationUntilItEnds_ThenRemindsInTheThread()
    {
        var key = "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05";
        var (activityId, data) = await PostMonitoringCardAsync(key);
        _scenario.Time.SetUtcNow(Monday0900.AddHours(7).AddMinutes(30));

        var snoozed = await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.SnoozeHour, Ada);
        Assert.StartsWith("Snoozed until Mon 5 Jan 17:30", PostedCards.Texts(snoozed.GetProperty("value"))[1]);

        _scenario.Time.SetUtcNow(Monday0900.AddHours(8).AddMinutes(15));
        await _scenario.RunPassAsync();
        Assert.DoesNotContain(_scenario.Connector.ThreadMessages, m => m.PathAndQuery.Contains(Uri.EscapeDataString($";messageid={activityId}"), StringComparison.Ordinal));

        _scenario.Time.SetUtcNow(Monday0900.AddHours(8).AddMinutes(31));
        await _scenario.RunPassAsync();
        Assert.Single(_scenario.Connector.ThreadMessages, m => m.Json.GetProperty("text").GetString()!.StartsWith("The snooze is over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_ShowsTheCurrentStateToAnyViewer()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");
        await _scenario.ClickAsync(ReminderScenario.MonitoringChannel, activityId, data, ReminderVerbs.Complete, Ada);

        var refreshed = await _scenario.ClickAsync(ReminderScenario.OversightChannel, activityId, data, ReminderVerbs.Refresh, Grace);

        Assert.StartsWith("Completed by Ada Lovelace", PostedCards.Texts(refreshed.GetProperty("value"))[1]);
    }

    [Fact]
    public async Task Pass_ThrottledByTeams_RetriesAndPostsOnce()
    {
        _scenario.Connector.Server.EnqueueResponse(LoopbackResponse.Json(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" }));
        _scenario.Time.SetUtcNow(Monday0900);

        var report = await _scenario.RunPassAsync();

        Assert.Equal(10, report.Items.Count(i => i.Outcome == ReminderOutcome.Posted));
        Assert.Equal(4, _scenario.Connector.CreatedThreads.Count);
        Assert.Equal(5, _scenario.Connector.Server.Requests.Count(r => r.Method == "POST" && r.PathAndQuery == "/v3/conversations"));
    }

    [Fact]
    public async Task Pass_TeamsFailing_ReportsFailure_ThenALaterPassPostsOnce()
    {
        await using var failing = await ReminderScenario.StartAsync(Monday0900, new Dictionary<string, string?> { ["Connector:Retry:MaxAttempts"] = "1" });
        await failing.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        failing.Connector.Server.EnqueueResponse(LoopbackResponse.Json(503, """{"error":{"code":"ServiceUnavailable"}}"""));

        var first = await failing.RunPassAsync();
        var failed = Assert.Single(first.Items, i => i.Outcome == ReminderOutcome.Failed);
        Assert.Contains("503", failed.Detail);

        failing.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain((await failing.RunPassAsync()).Items, i => i.Outcome == ReminderOutcome.Posted && i.OccurrenceKey == failed.OccurrenceKey);

        failing.Time.Advance(TimeSpan.FromMinutes(3));
        var retried = await failing.RunPassAsync();
        Assert.Single(retried.Items, i => i.Outcome == ReminderOutcome.Posted && i.OccurrenceKey == failed.OccurrenceKey);
        Assert.Equal(3, failing.Connector.CreatedThreads.Count);
    }

    [Fact]
    public async Task SubmitFallback_FromAnOlderClient_CompletesAndUpdatesTheCardInPlace()
    {
        var (activityId, data) = await PostMonitoringCardAsync("generate-secure-score-report/monitoring/2026-W02");
        var value = System.Text.Json.Nodes.JsonNode.Parse(data.GetRawText())!.AsObject();
        value["note"] = "done via submit";
        var activity = TeamsActivities.ChannelMessage(_scenario.Connector.ServiceUrl, "");
        activity["text"] = null;
        activity["entities"] = null;
        activity["replyToId"] = activityId;
        activity["conversation"]!["id"] = $"{ReminderScenario.MonitoringChannel};messageid={activityId}";
        activity["channelData"]!["channel"]!["id"] = ReminderScenario.MonitoringChannel;
        activity["value"] = value;

        using var response = await _scenario.Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var stored = await _scenario.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", "generate-secure-score-report/monitoring/2026-W02", CancellationToken.None);
        Assert.Equal(OccurrenceState.Completed, stored!.State);
        Assert.Equal("done via submit", stored.Note);
        var updates = _scenario.Connector.Updates.Where(u => u.PathAndQuery.EndsWith($"/activities/{activityId}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.StartsWith("Completed by Ada Lovelace", PostedCards.Texts(PostedCards.CardOf(u.Json))[1]));
    }

    [Fact]
    public async Task DigestOfTwoTeamsSharingAChannel_KeepsItsTitleAndOtherItems_WhenOneIsCompleted()
    {
        await using var shared = await ReminderScenario.StartAsync(Monday0900);
        await shared.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
        await shared.BindAsync("monitoring", ReminderScenario.OversightChannel);
        await shared.RunPassAsync();
        var digest = Assert.Single(shared.Connector.CreatedThreads);
        var posted = PostedCards.CardOf(digest.Activity);
        var key = "generate-secure-score-report/monitoring/2026-W02";
        var buttons = PostedCards.Verbs(posted).Count;
        var data = JsonDocument.Parse(
            $$"""{"socbot":"occurrence","tenant":"{{ReminderScenario.TenantId}}","team":"monitoring","occ":"{{key}}","verb":"{{ReminderVerbs.Complete}}"}""").RootElement;

        var answer = await shared.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, data, ReminderVerbs.Complete, Ada);

        var rebuilt = answer.GetProperty("value");
        Assert.Equal(PostedCards.Texts(posted)[0], PostedCards.Texts(rebuilt)[0]);
        Assert.Equal(PostedCards.OccurrenceKeys(posted).Where(k => k != key), PostedCards.OccurrenceKeys(rebuilt));
        Assert.Equal(buttons - 4, PostedCards.Verbs(rebuilt).Count); // the completed row's Done, Skip, and two Snoozes
        var update = Assert.Single(shared.Connector.Updates);
        Assert.Equal(PostedCards.Texts(rebuilt), PostedCards.Texts(PostedCards.CardOf(update.Json)));
    }

    [Fact]
    public async Task Nudge_ConnectorFailsOnIt_LeavesTheStageUnrecorded_TheRestOfThePassRuns_AndALaterPassSendsIt()
    {
        await using var failing = await ReminderScenario.StartAsync(Monday0900, new Dictionary<string, string?> { ["Connector:Retry:MaxAttempts"] = "1" });
        await failing.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        await failing.RunPassAsync();
        failing.Time.SetUtcNow(Monday0900.AddHours(8));
        await failing.RunPassAsync();
        var daily = new[] { "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05", "update-soc-escalation-tickets/monitoring/2026-01-05" };

        failing.Time.SetUtcNow(Monday0900.AddHours(10));
        failing.Connector.Server.EnqueueResponse(LoopbackResponse.Json(503, """{"error":{"code":"ServiceUnavailable"}}"""));
        await failing.RunPassAsync();

        Assert.Equal(2, failing.Connector.ThreadMessages.Count);
        var stages = await Task.WhenAll(daily.Select(k => failing.Store.GetOccurrenceAsync(ReminderScenario.TenantId, "monitoring", k, CancellationToken.None)));
        Assert.Equal([EscalationStage.ContactsNudged, EscalationStage.MarkedOverdue], stages.Select(r => r!.EscalationStage).Order().Reverse());
        var failed = stages.Single(r => r!.EscalationStage == EscalationStage.MarkedOverdue)!;
        Assert.Null(failed.EscalationHeldUntil);
        Assert.Equal(Monday0900.AddHours(10), (await failing.Store.GetHeartbeatAsync(CancellationToken.None))!.LastPassCompletedAt);

        failing.Time.Advance(TimeSpan.FromMinutes(1));
        await failing.RunPassAsync();
        await failing.RunPassAsync();

        var toFailed = failing.Connector.ThreadMessages.Where(m => m.PathAndQuery.Contains(Uri.EscapeDataString(failed.ConversationId!), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toFailed.Count);
        Assert.StartsWith("Overdue by 2 h: ", PostedCards.Texts(PostedCards.CardOf(toFailed[^1].Json))[0]);
        var audit = await failing.Store.ReadAuditAsync(ReminderScenario.TenantId, "monitoring", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.All(daily, k => Assert.Single(audit, a => a.OccurrenceKey == k && a.Detail?.Contains("1 → 2", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task DigestOfTenRows_FiveOverdue_GetsOneNudgeListingThem_MentioningTheContacts()
    {
        await using var shared = await DigestScenarioAsync(Monday0900, ContactsCatalog());
        var digest = Assert.Single(shared.Connector.CreatedThreads);
        var keys = PostedCards.OccurrenceKeys(PostedCards.CardOf(digest.Activity));
        Assert.Equal(10, keys.Count);
        var records = await Task.WhenAll(keys.Select(k => shared.Store.GetOccurrenceAsync(ReminderScenario.TenantId, OccurrenceKey.Parse(k).TeamId, k, CancellationToken.None)));
        var dueMonday = records.Where(r => r!.DueAt <= Monday0900.AddHours(8)).Select(r => r!).ToList();
        var data = JsonDocument.Parse($$"""{"socbot":"occurrence","tenant":"{{ReminderScenario.TenantId}}","team":"{{dueMonday[0].TeamId}}","occ":"{{dueMonday[0].OccurrenceKey}}"}""").RootElement;
        await shared.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, data, ReminderVerbs.Complete, Ada);
        var overdue = dueMonday.Skip(1).ToList();
        Assert.Equal(5, overdue.Count);

        shared.Time.SetUtcNow(Monday0900.AddHours(8));
        await shared.RunPassAsync();
        shared.Time.SetUtcNow(Monday0900.AddHours(10));
        await shared.RunPassAsync();
        shared.Time.Advance(TimeSpan.FromMinutes(1));
        await shared.RunPassAsync();

        var nudge = Assert.Single(shared.Connector.ThreadMessages);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString($"{ReminderScenario.OversightChannel};messageid={digest.ActivityId}")}/activities", nudge.PathAndQuery);
        var card = PostedCards.CardOf(nudge.Json);
        var texts = PostedCards.Texts(card);
        Assert.Equal("5 tasks on the card above are overdue", texts[0]);
        var titles = shared.Bot.Services.GetRequiredService<ReminderViewFactory>();
        Assert.Equal(
            overdue.Select(r => titles.ForRecord(r)).Select(v => $"**{v.TaskTitle}** — {v.TeamName} — overdue by 2 h").Order(),
            texts.Skip(1).Take(5).Order());
        Assert.Equal(["2b7d2c5e-0f7a-4c39-9d55-6a0c1f3e8b21", "grace.hopper@contoso.example"], PostedCards.MentionedIds(card));
        Assert.Contains("<at>Ada Lovelace</at>, <at>Grace Hopper</at>: ", texts[6], StringComparison.Ordinal);
        var stages = await Task.WhenAll(overdue.Select(r => shared.Store.GetOccurrenceAsync(ReminderScenario.TenantId, r.TeamId, r.OccurrenceKey, CancellationToken.None)));
        Assert.All(stages, r => Assert.Equal(EscalationStage.ContactsNudged, r!.EscalationStage));
    }

    [Fact]
    public async Task SkipAndSnooze_FromADigestRow_RecordThem_AndTheRebuiltDigestShowsIt()
    {
        await using var shared = await DigestScenarioAsync(Monday0900, catalogPath: null);
        var digest = Assert.Single(shared.Connector.CreatedThreads);
        var posted = PostedCards.CardOf(digest.Activity);
        var keys = PostedCards.OccurrenceKeys(posted);
        var skip = RowAction(posted, ReminderVerbs.Skip, keys[2]);
        var snooze = RowAction(posted, ReminderVerbs.SnoozeHour, keys[4]);
        var reasonInput = $"{ReminderVerbs.ReasonInput}-{skip.GetProperty("row").GetString()}";

        var refused = await shared.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, skip, ReminderVerbs.Skip, Ada);
        var skipped = await shared.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, skip, ReminderVerbs.Skip, Ada, new Dictionary<string, string> { [reasonInput] = "Change freeze" });
        var snoozed = await shared.ClickAsync(ReminderScenario.OversightChannel, digest.ActivityId, snooze, ReminderVerbs.SnoozeHour, Grace);

        Assert.Equal("A reason is needed", PostedCards.Texts(refused.GetProperty("value"))[0]);
        var skippedRecord = await shared.Store.GetOccurrenceAsync(ReminderScenario.TenantId, OccurrenceKey.Parse(keys[2]).TeamId, keys[2], CancellationToken.None);
        Assert.Equal((OccurrenceState.Skipped, "Change freeze"), (skippedRecord!.State, skippedRecord.Reason));
        var snoozedRecord = await shared.Store.GetOccurrenceAsync(ReminderScenario.TenantId, OccurrenceKey.Parse(keys[4]).TeamId, keys[4], CancellationToken.None);
        Assert.Equal((OccurrenceState.Snoozed, Monday0900.AddHours(1)), (snoozedRecord!.State, snoozedRecord.SnoozedUntil));
        var rebuilt = PostedCards.Texts(snoozed.GetProperty("value"));
        Assert.Equal(PostedCards.Texts(posted)[0], rebuilt[0]);
        Assert.Contains(rebuilt, t => t.EndsWith("Skipped by Ada Lovelace at Mon 5 Jan 09:00 UTC: Change freeze", StringComparison.Ordinal));
        Assert.Contains(rebuilt, t => t.Contains("Snoozed until Mon 5 Jan 10:00 UTC", StringComparison.Ordinal));
        Assert.Equal(keys.Where(k => k != keys[2]), PostedCards.OccurrenceKeys(snoozed.GetProperty("value")));
        Assert.Equal(PostedCards.Texts(snoozed.GetProperty("value")), PostedCards.Texts(PostedCards.CardOf(shared.Connector.Updates[^1].Json)));
    }

    /// <summary>Every SOC team bound to SOC Oversight's channel: Monday 09:00 brings one digest of all ten reminders.</summary>
    private static async Task<ReminderScenario> DigestScenarioAsync(DateTimeOffset at, string? catalogPath)
    {
        var settings = new Dictionary<string, string?>();
        if (catalogPath is not null)
        {
            settings["SocBot:CatalogPath"] = catalogPath;
        }

        var scenario = await ReminderScenario.StartAsync(at, settings);
        foreach (var team in scenario.Bot.Services.GetRequiredService<SocBot.Catalog.ICatalogSource>().Current.Teams)
        {
            await scenario.BindAsync(team.Id, ReminderScenario.OversightChannel);
        }

        await scenario.RunPassAsync();
        return scenario;
    }

    /// <summary>The default catalog with two contacts for every team: one with an Entra object id and a UPN, one with a UPN only.</summary>
    private static string ContactsCatalog()
    {
        var text = SocBot.Catalog.CatalogLoader.ReadDefaultText().Replace(
            "\n    source: 004_fb3de7e811f02793",
            "\n    contacts:\n      - name: Ada Lovelace\n        objectId: 2b7d2c5e-0f7a-4c39-9d55-6a0c1f3e8b21\n        upn: ada.lovelace@contoso.example\n      - name: Grace Hopper\n        upn: grace.hopper@contoso.example\n    source: 004_fb3de7e811f02793",
            StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("socbot-catalog-").FullName, "catalog.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement RowAction(JsonElement card, string verb, string key) =>
        PostedCards.Actions(card, verb).Select(a => a.GetProperty("data")).Single(d => d.GetProperty("occ").GetString() == key);

    [Fact]
    public async Task Healthz_ReportsTheSchedulerStale_WhenPassesStop()
    {
        _scenario.Time.SetUtcNow(Monday0900);
        await _scenario.RunPassAsync();

        using (var fresh = await _scenario.Bot.Http.GetAsync("healthz"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, fresh.StatusCode);
            using var body = JsonDocument.Parse(await fresh.Content.ReadAsStringAsync());
            Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty(SchedulerHeartbeatHealthCheck.Name).GetProperty("status").GetString());
        }

        _scenario.Time.Advance(TimeSpan.FromMinutes(6));
        using var stale = await _scenario.Bot.Http.GetAsync("healthz");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        using var staleBody = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        var check = staleBody.RootElement.GetProperty("checks").GetProperty(SchedulerHeartbeatHealthCheck.Name);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.StartsWith("Stale: the last reminder pass completed 6 min ago", check.GetProperty("description").GetString());
    }

    private async Task<(string ActivityId, JsonElement Data)> PostMonitoringCardAsync(string key)
    {
        _scenario.Time.SetUtcNow(Monday0900);
        await _scenario.RunPassAsync();
        return FindPosted(key);
    }

    private (string ActivityId, JsonElement Data) FindPosted(string key)
    {
        var thread = _scenario.Connector.CreatedThreads.First(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key));
        var card = PostedCards.CardOf(thread.Activity);
        return (thread.ActivityId, PostedCards.FindAction(card, ReminderVerbs.Complete).GetProperty("data"));
    }

    private Dictionary<string, string> PostedKeysByChannel() =>
        _scenario.Connector.CreatedThreads
            .SelectMany(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Select(k => (Key: k, t.ChannelId)))
            .ToDictionary(p => p.Key, p => p.ChannelId);

    private async Task<int> CountAuditAsync(string teamId, string action, string? key = null, string? detailContains = null)
    {
        var entries = await _scenario.Store.ReadAuditAsync(ReminderScenario.TenantId, teamId, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        return entries.Count(e => e.Action == action && (key is null || e.OccurrenceKey == key) && (detailContains is null || e.Detail?.Contains(detailContains, StringComparison.Ordinal) == true));
    }
}
