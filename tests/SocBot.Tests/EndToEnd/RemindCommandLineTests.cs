namespace SocBot.Tests.EndToEnd;

/// <summary>`socbot remind --at` as separate operating-system processes sharing one SQLite store.</summary>
public sealed class RemindCommandLineTests
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoProcessesAtOnce_OnOneStore_PostEachReminderOnce()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("socbot-cli-").FullName, "socbot.db");
        await using (var setup = await ReminderScenario.StartAsync(Monday0900.AddHours(-1), sqlitePath: database))
        {
            await setup.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
            await setup.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
            var connector = setup.Connector;

            var runs = await Task.WhenAll(RemindAsync(database, "--at", "2026-01-05T09:00:00Z"), RemindAsync(database, "--at", "2026-01-05T09:00:00Z"));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
            var keys = connector.CreatedThreads.SelectMany(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity))).ToList();
            Assert.Equal(10, keys.Count);
            Assert.Equal(10, keys.Distinct().Count());
            Assert.Equal(10, runs.Sum(r => r.Stdout.Split('\n').Count(l => l.StartsWith("Posted ", StringComparison.Ordinal))));
        }
    }

    [Fact]
    public async Task DryRun_PrintsWhatWouldBePosted_AndWhatCannotBe_AndPostsNothing()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("socbot-cli-").FullName, "socbot.db");
        await using var setup = await ReminderScenario.StartAsync(Monday0900.AddHours(-1), sqlitePath: database);
        await setup.BindAsync("monitoring", ReminderScenario.MonitoringChannel);

        var run = await RemindAsync(database, "--at", "2026-01-05T09:00:00Z", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("WouldPost ", StringComparison.Ordinal)));
        Assert.Equal(7, lines.Count(l => l.StartsWith("NoChannel ", StringComparison.Ordinal)));
        Assert.Equal("3 would be posted as of 2026-01-05T09:00:00.0000000+00:00.", lines[^1]);
        Assert.Empty(setup.Connector.CreatedThreads);
    }

    [Fact]
    public async Task Nudge_FromAFreshProcess_NothingTrustedYet_IsPostedOnce_AndItsStageRecordedOnce_AndThePassCompletes()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("socbot-cli-").FullName, "socbot.db");
        await using var setup = await ReminderScenario.StartAsync(Monday0900.AddHours(-1), sqlitePath: database);
        await setup.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
        const string key = "track-microsoft-365-defender-threat-vulnerability-remediation-activity/monitoring/2026-01-05";

        var runs = new List<(int ExitCode, string Stdout, string Stderr)>();
        foreach (var at in new[] { "2026-01-05T09:00:00Z", "2026-01-05T19:30:00Z", "2026-01-05T19:31:00Z", "2026-01-05T19:32:00Z" })
        {
            runs.Add(await RemindAsync(database, "--at", at));
        }

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.All(runs, r => Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal));
        var thread = setup.Connector.CreatedThreads.Single(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Contains(key));
        var nudge = Assert.Single(setup.Connector.ThreadMessages, m => m.PathAndQuery.Contains(Uri.EscapeDataString($";messageid={thread.ActivityId}"), StringComparison.Ordinal));
        Assert.Equal(
            "Overdue by 2 h: Track Microsoft 365 Defender Threat & Vulnerability remediation activity",
            PostedCards.Texts(PostedCards.CardOf(nudge.Json))[0]);
        var audit = await setup.Store.ReadAuditAsync(ReminderScenario.TenantId, "monitoring", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Single(audit, a => a.OccurrenceKey == key && a.Detail?.StartsWith("stage 1 → 2", StringComparison.Ordinal) == true);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 19, 32, 0, TimeSpan.Zero), (await setup.Store.GetHeartbeatAsync(CancellationToken.None))!.LastPassCompletedAt);
    }

    [Theory]
    [InlineData(2, "--at")]
    [InlineData(1, "--at", "next tuesday")]
    [InlineData(2, "--whenever")]
    public async Task BadArguments_ExitWithUsageOrInvalidInput(int exitCode, params string[] args)
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("socbot-cli-").FullName, "socbot.db");

        var run = await RemindAsync(database, args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RemindAsync(string database, params string[] args) =>
        RemindProcess.RunAsync(RemindProcess.Sqlite(database), args);
}
