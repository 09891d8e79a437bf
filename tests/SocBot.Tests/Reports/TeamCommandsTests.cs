using SocBot.State;

namespace SocBot.Tests.Reports;

/// <summary>
/// `due`, `status`, `history`, `tasks`, `complete` and `skip` over real HTTP, after a real reminder pass on Monday
/// 5 January 2026 09:00 (UTC, the default catalog): Monitoring's channel gets its two daily and one weekly reminder.
/// </summary>
public sealed class TeamCommandsTests : IAsyncLifetime
{
    private const string Tickets = "update-soc-escalation-tickets";
    private const string Remediation = "track-microsoft-365-defender-threat-vulnerability-remediation-activity";
    private const string SecureScore = "generate-secure-score-report";
    private static readonly DateTimeOffset Monday1000 = CommandScenario.Monday0900.AddHours(1);

    private CommandScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await CommandScenario.StartAsync();
        await _scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"), (SocChannels.Monitoring, "monitoring"));
        await _scenario.RunPassAsync();
        _scenario.Time.SetUtcNow(Monday1000);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Due_InTeamChannel_ListsOpenOccurrencesSoonestFirstWithRelativeDue()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "due");

        Assert.StartsWith("**Open for Monitoring** (3)", reply, StringComparison.Ordinal);
        Assert.Equal(
            [
                "- Open: **Track Microsoft 365 Defender Threat & Vulnerability remediation activity** (Mon 5 Jan 2026) due Mon 5 Jan 17:00 UTC, due in 6 h",
                "- Open: **Update SOC escalation tickets** (Mon 5 Jan 2026) due Mon 5 Jan 17:00 UTC, due in 6 h",
                "- Open: **Generate Secure Score report** (Week 2 2026) due Fri 9 Jan 17:00 UTC, due in 4 d",
            ],
            CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task Complete_ByText_RecordsWhoWhenAndNote_AndUpdatesThePostedCard()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {SecureScore} Score 71%, ticket SEC-12");

        Assert.Equal("Recorded **Generate Secure Score report** (Week 2 2026) as done.\n\n- Done: **Generate Secure Score report** (Week 2 2026) for Monitoring by Ada Lovelace at Mon 5 Jan 10:00 UTC — Score 71%, ticket SEC-12", reply);
        var record = await Occurrence(SecureScore, "2026-W02");
        Assert.Equal(OccurrenceState.Completed, record.State);
        Assert.Equal(new Actor(Speaker.Ada.AadObjectId, Speaker.Ada.Name), record.ResolvedBy);
        Assert.Equal(_scenario.Time.GetUtcNow(), record.ResolvedAt);
        Assert.Equal("Score 71%, ticket SEC-12", record.Note);
        var update = Assert.Single(_scenario.Updates);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(record.ConversationId!)}/activities/{record.ActivityId}", update.PathAndQuery);
        var status = update.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1].GetProperty("text").GetString();
        Assert.StartsWith("Completed by Ada Lovelace at Mon 5 Jan 10:00", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_ByTextTwice_SecondFindsNothingOpen()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {SecureScore}");

        var second = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, "complete Generate Secure Score report");

        Assert.StartsWith("There is no open reminder of **Generate Secure Score report** for Monitoring.", second, StringComparison.Ordinal);
        Assert.Equal(Speaker.Ada.AadObjectId, (await Occurrence(SecureScore, "2026-W02")).ResolvedBy?.AadObjectId);
    }

    [Fact]
    public async Task Skip_WithoutReason_IsRefused_AndNothingIsRecorded()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"skip {Tickets}");

        Assert.Equal("Skipping **Update SOC escalation tickets** needs a reason: `skip ‹task› ‹reason›`. Nothing was recorded.", reply);
        Assert.Equal(OccurrenceState.Open, (await Occurrence(Tickets, "2026-01-05")).State);
    }

    [Fact]
    public async Task Skip_ReasonWithQuotesAndODataLookingText_IsStoredVerbatim()
    {
        const string reason = "' or 1 eq 1 -- \"no tickets\", PartitionKey ne ''";

        var reply = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, $"skip {Tickets} {reason}");

        Assert.Equal($"Recorded **Update SOC escalation tickets** (Mon 5 Jan 2026) as skipped.\n\n- Skipped: **Update SOC escalation tickets** (Mon 5 Jan 2026) for Monitoring by Grace Hopper at Mon 5 Jan 10:00 UTC: {reason}", reply);
        var record = await Occurrence(Tickets, "2026-01-05");
        Assert.Equal(OccurrenceState.Skipped, record.State);
        Assert.Equal(reason, record.Reason);
        var audit = await _scenario.Store.ReadAuditAsync(CommandScenario.TenantId, "monitoring", Monday1000, Monday1000.AddHours(1), CancellationToken.None);
        Assert.Equal(reason, Assert.Single(audit, a => a.Action == AuditActions.Skipped).Detail);
        Assert.Equal(OccurrenceState.Open, (await Occurrence(Tickets, "2026-01-05", "soc-oversight")).State);
    }

    [Fact]
    public async Task Status_AfterDueTime_ShowsDoneSkippedOverdueAndOpenWithWhoAndWhen()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {SecureScore} done early");
        await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, $"skip {Tickets} queue empty");
        _scenario.Time.SetUtcNow(CommandScenario.Monday0900.AddHours(9));

        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "status");

        var lines = reply.Split('\n');
        Assert.Equal("**SOC status, week 2 2026 (Mon 5 Jan – Sun 11 Jan)**, as of Mon 5 Jan 18:00 UTC", lines[0]);
        Assert.Contains("**Monitoring**: 3 due this week: 1 overdue, 0 open, 1 done, 1 skipped · 50% done (1 of 2; 1 skipped, not counted)", lines);
        Assert.Equal(
            [
                "- Overdue: **Track Microsoft 365 Defender Threat & Vulnerability remediation activity** (Mon 5 Jan 2026) due Mon 5 Jan 17:00 UTC, overdue by 1 h",
                "- Done: **Generate Secure Score report** (Week 2 2026) by Ada Lovelace at Mon 5 Jan 10:00 UTC — done early",
                "- Skipped: **Update SOC escalation tickets** (Mon 5 Jan 2026) by Grace Hopper at Mon 5 Jan 10:00 UTC: queue empty",
            ],
            CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task Status_InOversightChannel_CoversEveryTeamWithItsCompletionRate()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {Remediation}");

        var reply = await _scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Oversight, "status");

        var headers = reply.Split('\n').Where(l => l.StartsWith("**", StringComparison.Ordinal) && l.Contains("due this week", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "**SOC Oversight**: 2 due this week: 0 overdue, 2 open, 0 done, 0 skipped · 0% done (0 of 2)",
                "**Threat Intelligence & Analytics**: 1 due this week: 0 overdue, 1 open, 0 done, 0 skipped · 0% done (0 of 1)",
                "**Monitoring**: 3 due this week: 0 overdue, 2 open, 1 done, 0 skipped · 33% done (1 of 3)",
                "**Engineering & SecOps**: 3 due this week: 0 overdue, 3 open, 0 done, 0 skipped · 0% done (0 of 3)",
                "**Computer Security Incident Response Team (CSIRT)**: 1 due this week: 0 overdue, 1 open, 0 done, 0 skipped · 0% done (0 of 1)",
            ],
            headers);
        Assert.Contains("- Done: **Track Microsoft 365 Defender Threat & Vulnerability remediation activity** (Mon 5 Jan 2026) by Ada Lovelace at Mon 5 Jan 10:00 UTC", CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task Status_NextWeek_ListsLastWeeksStillOpenOccurrencesAsOverdue()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {SecureScore}");
        _scenario.Time.SetUtcNow(CommandScenario.Monday0900.AddDays(7));

        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "status");

        Assert.StartsWith("**SOC status, week 3 2026 (Mon 12 Jan – Sun 18 Jan)**", reply, StringComparison.Ordinal);
        Assert.Contains("**Monitoring**: nothing due this week", reply.Split('\n'));
        Assert.Contains("_From earlier weeks_: 2 overdue", reply.Split('\n'));
        Assert.Equal(
            [
                "- Overdue: **Track Microsoft 365 Defender Threat & Vulnerability remediation activity** (Mon 5 Jan 2026) due Mon 5 Jan 17:00 UTC, overdue by 6 d",
                "- Overdue: **Update SOC escalation tickets** (Mon 5 Jan 2026) due Mon 5 Jan 17:00 UTC, overdue by 6 d",
            ],
            CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task Status_InUnlinkedChat_SaysHowToLink_AndANamedTeamIsReported()
    {
        var unlinked = await _scenario.SayInChatAsync(Speaker.Grace, "status");
        var named = await _scenario.SayInChatAsync(Speaker.Grace, "status Monitoring");

        Assert.StartsWith("This conversation isn't linked to a SOC team, so `status` has no team to work on. Name one (`status ‹team›`)", unlinked, StringComparison.Ordinal);
        Assert.Contains("`link ‹team›`", unlinked, StringComparison.Ordinal);
        Assert.Contains("**Monitoring**: 3 due this week: 0 overdue, 3 open, 0 done, 0 skipped · 0% done (0 of 3)", named.Split('\n'));
        Assert.DoesNotContain(named.Split('\n'), l => l.StartsWith("**SOC Oversight**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Due_InUnlinkedChat_SaysHowToLink()
    {
        var reply = await _scenario.SayInChatAsync(Speaker.Grace, "due");

        Assert.StartsWith("This conversation isn't linked to a SOC team, so `due` has no team to work on.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ListsTheTasksOccurrencesNewestFirstWithWhoAndWhen()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete {Tickets} all triaged");
        _scenario.Time.SetUtcNow(CommandScenario.Monday0900.AddDays(1));
        await _scenario.RunPassAsync();

        var reply = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, $"history {Tickets}");

        Assert.StartsWith("**History of Update SOC escalation tickets for Monitoring** (last 2)", reply, StringComparison.Ordinal);
        Assert.Equal(
            [
                "- Open: **Update SOC escalation tickets** (Tue 6 Jan 2026) due Tue 6 Jan 17:00 UTC, due in 7 h",
                "- Done: **Update SOC escalation tickets** (Mon 5 Jan 2026) by Ada Lovelace at Mon 5 Jan 10:00 UTC — all triaged",
            ],
            CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task History_UnknownTask_ListsTaskIds()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, "history rotate the coffee");

        Assert.StartsWith("I don't know a task called 'rotate the coffee'. Tasks: **", reply, StringComparison.Ordinal);
        Assert.Contains("**Generate Secure Score report**", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(SecureScore, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_ListsTheTeamsTasksWithTheirNextReminder()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "tasks");

        Assert.StartsWith("**Tasks of Monitoring**", reply, StringComparison.Ordinal);
        Assert.Equal(
            [
                "- **Update SOC escalation tickets**: Daily; next reminder Tue 6 Jan 09:00 UTC",
                "- **Track Microsoft 365 Defender Threat & Vulnerability remediation activity**: Daily; next reminder Tue 6 Jan 09:00 UTC",
                "- **Generate Secure Score report**: Weekly; next reminder Mon 12 Jan 09:00 UTC",
                "- **Run IR tabletop exercise**: As needed; say `run Run IR tabletop exercise` to start one now",
            ],
            CommandScenario.Lines(reply));
    }

    [Fact]
    public async Task Complete_AnOnDemandRunByText_ResolvesIt()
    {
        await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "run run-ir-tabletop-exercise");

        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "complete run-ir-tabletop-exercise ransomware scenario");

        Assert.Equal("Recorded **Run IR tabletop exercise** (As needed) as done.\n\n- Done: **Run IR tabletop exercise** (As needed) for Monitoring by Ada Lovelace at Mon 5 Jan 10:00 UTC — ransomware scenario", reply);
    }

    [Fact]
    public async Task Complete_WithSeveralOpen_ClosesTheOldest_AndSaysWhichPeriod()
    {
        _scenario.Time.SetUtcNow(CommandScenario.Monday0900.AddDays(1));
        await _scenario.RunPassAsync();

        var reply = await _scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "complete escalation tickets caught up");

        Assert.StartsWith("Recorded **Update SOC escalation tickets** (Mon 5 Jan 2026, the oldest open one) as done.", reply, StringComparison.Ordinal);
        Assert.EndsWith("Still open: Tue 6 Jan 2026.", reply, StringComparison.Ordinal);
        Assert.Equal(OccurrenceState.Completed, (await Occurrence(Tickets, "2026-01-05")).State);
        Assert.Equal("caught up", (await Occurrence(Tickets, "2026-01-05")).Note);
        Assert.Equal(OccurrenceState.Open, (await Occurrence(Tickets, "2026-01-06")).State);
    }

    [Theory]
    [InlineData("history secure score")]
    [InlineData("history Secure Score")]
    [InlineData("history secuer score")]
    public async Task History_ByPartOfTheTitleOrATypo_FindsTheTask(string said)
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, said);

        Assert.StartsWith("**History of Generate Secure Score report for Monitoring** (last 1)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_WordsOfTwoTitles_ListsBothTitles_AndRecordsNothing()
    {
        var reply = await _scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Monitoring, "skip update no time");

        Assert.Equal("I can't tell which task 'update no time' means: **Update anti-phishing, data loss prevention campaigns**, **Update SOC escalation tickets**. Say a few more words of its title.", reply);
        Assert.Equal(OccurrenceState.Open, (await Occurrence(Tickets, "2026-01-05")).State);
    }

    private async Task<OccurrenceRecord> Occurrence(string taskId, string period, string teamId = "monitoring")
    {
        var record = await _scenario.Store.GetOccurrenceAsync(CommandScenario.TenantId, teamId, $"{taskId}/{teamId}/{period}", CancellationToken.None);
        Assert.NotNull(record);
        return record;
    }
}
