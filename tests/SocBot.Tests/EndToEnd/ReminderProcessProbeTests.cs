using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.Testing.Azurite;
using Xunit.Abstractions;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The crash and two-instance probes: `remind --at` of the built CLI as operating-system processes against a slow loopback
/// Teams, SIGKILLed at random points and restarted, or two at the same instant on one store.
/// </summary>
public sealed class ReminderProcessProbeTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleClaimAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// "wall": each pass's instant is the wall clock's, as the web host's are; "past": `remind --at` a fixed Monday, as an
    /// operator catching up would. Either way a killed pass's claims are aged on the store's clock, so the last pass of a
    /// cycle runs once the wall clock has passed Reminders:StaleClaimAfter since the kill.
    /// </summary>
    [Theory]
    [InlineData("wall")]
    [InlineData("past")]
    public async Task RemindPass_SigkilledAtRandomPointsAndRestarted_PostsEveryDueReminderOnceOrMarkedPostedAgain(string clock)
    {
        var kills = ProbeSize.Pick(5, 20);
        var now = DateTimeOffset.UtcNow;
        var at = clock == "wall" ? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero) : Monday0900;
        var random = new Random(14);
        var (killedMidPass, due, posted, postedAgain) = (0, 0, 0, 0);

        // Each cycle a fresh store: one pass killed at a random point of its run, then the restart and a pass once its claims are stale.
        for (var k = 0; k < kills; k++)
        {
            var database = Path.Combine(Directory.CreateTempSubdirectory("socbot-crash-").FullName, "socbot.db");
            await using var setup = await ReminderScenario.StartAsync(at, new Dictionary<string, string?> { ["Reminders:CatchUpHorizon"] = "2.00:00:00" }, sqlitePath: database);
            await setup.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
            await setup.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
            setup.Connector.Server.Latency = TimeSpan.FromMilliseconds(500);
            var dueKeys = setup.Bot.Services.GetRequiredService<OccurrenceSchedule>().List(at.AddDays(-2), at.AddTicks(1)).Select(o => o.Key.ToString()).ToHashSet();
            var environment = new Dictionary<string, string>(RemindProcess.Sqlite(database))
            {
                ["Reminders__CatchUpHorizon"] = "2.00:00:00",
                ["Reminders__StaleClaimAfter"] = StaleClaimAfter.ToString("c"),
            };

            using (var pass = RemindProcess.Start(environment, "--at", at.ToString("O")))
            {
                await Task.WhenAny(pass.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 4000))));
                if (!pass.HasExited)
                {
                    pass.Kill();
                    killedMidPass++;
                }

                await pass.WaitForExitAsync();
            }

            var claimsStaleAt = DateTimeOffset.UtcNow + StaleClaimAfter;

            var restart = await RemindProcess.RunAsync(environment, "--at", at.ToString("O"));
            // The store stamps and ages claims on the real clock, which a separate process cannot be handed: wait it out.
            var untilStale = claimsStaleAt - DateTimeOffset.UtcNow;
            if (untilStale > TimeSpan.Zero)
            {
                await Task.Delay(untilStale);
            }

            var later = await RemindProcess.RunAsync(environment, "--at", at.AddMinutes(10).ToString("O"));
            Assert.True(restart.ExitCode == 0 && later.ExitCode == 0, restart.Stderr + later.Stderr);

            var copies = setup.Connector.CreatedThreads
                .SelectMany(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity)).Select(key => (Key: key, Card: PostedCards.CardOf(t.Activity))))
                .GroupBy(c => c.Key)
                .ToDictionary(g => g.Key, g => g.ToList());
            (due, posted, postedAgain) = (due + dueKeys.Count, posted + copies.Keys.Count(dueKeys.Contains), postedAgain + copies.Values.Sum(c => c.Count - 1));
            output.WriteLine($"{clock} cycle {k}: {dueKeys.Count} due, {copies.Count} posted, {copies.Values.Sum(c => c.Count - 1)} posted again");
            Assert.All(copies.Values, c => Assert.All(c.Skip(1), again => Assert.Contains(ReminderCards.PostedAgainNotice, PostedCards.Texts(again.Card))));
        }

        output.WriteLine($"{clock}: {killedMidPass} of {kills} passes killed mid-run; {due} due; {posted} posted; {postedAgain} posted again (marked)");
        Assert.NotEqual(0, due);
        Assert.Equal(due, posted);
    }

    [Fact]
    public async Task TwoProcessesAtOnce_OnOneAzurite_PostEachReminderOnce_NoneMissing()
    {
        var folder = Directory.CreateTempSubdirectory("socbot-two-azurite-").FullName;
        await using var azurite = await AzuriteServer.StartAsync(folder);
        for (var round = 0; round < ProbeSize.Pick(1, 10); round++)
        {
            var table = $"Probe{round}";
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Tables"] = azurite.ConnectionString, ["Storage:TableName"] = table };
            await using var setup = await ReminderScenario.StartAsync(Monday0900.AddHours(-1), settings);
            await setup.BindAsync("monitoring", ReminderScenario.MonitoringChannel);
            await setup.BindAsync("soc-oversight", ReminderScenario.OversightChannel);
            var environment = new Dictionary<string, string> { ["ConnectionStrings__Tables"] = azurite.ConnectionString, ["Storage__TableName"] = table };

            var runs = await Task.WhenAll(
                RemindProcess.RunAsync(environment, "--at", "2026-01-05T09:00:00Z"),
                RemindProcess.RunAsync(environment, "--at", "2026-01-05T09:00:00Z"));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
            var keys = setup.Connector.CreatedThreads.SelectMany(t => PostedCards.OccurrenceKeys(PostedCards.CardOf(t.Activity))).ToList();
            Assert.Equal(10, keys.Distinct().Count());
            Assert.Equal(10, keys.Count);
        }
    }
}
