using SocBot.Reminders;
using SocBot.Scheduling;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// March 2026 for the default catalog in Europe/London, one pass an hour: every task appears on its cadence, All SOC Teams
/// tasks in every team's channel, each exactly at its reminder time — including the week British Summer Time starts (29 March),
/// after which 09:00 local is 08:00 UTC.
/// </summary>
public sealed class ReminderMonthSimulationTests
{
    private static readonly string[] Teams = ["soc-oversight", "threat-intelligence", "monitoring", "engineering-secops", "csirt"];

    [Fact]
    public async Task March_InLondon_PostsEveryOccurrenceOnItsCadence_AtItsReminderTime()
    {
        var catalogPath = Path.Combine(Directory.CreateTempSubdirectory("socbot-month-").FullName, "catalog.yaml");
        var defaultCatalog = await File.ReadAllTextAsync(RepoPaths.Combine("src", "SocBot", "Catalog", "default-catalog.yaml"));
        Assert.Contains("timeZone: Etc/UTC", defaultCatalog);
        await File.WriteAllTextAsync(catalogPath, defaultCatalog.Replace("timeZone: Etc/UTC", "timeZone: Europe/London", StringComparison.Ordinal));

        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await using var scenario = await ReminderScenario.StartAsync(start, new Dictionary<string, string?> { ["SocBot:CatalogPath"] = catalogPath });
        foreach (var team in Teams)
        {
            await scenario.BindAsync(team, $"19:{team}@thread.tacv2");
        }

        var postedAt = new Dictionary<string, DateTimeOffset>();
        for (var at = start; at < start.AddMonths(1); at = at.AddHours(1))
        {
            scenario.Time.SetUtcNow(at);
            var report = await scenario.RunPassAsync();
            foreach (var item in report.Items.Where(i => i.Outcome == ReminderOutcome.Posted))
            {
                Assert.True(postedAt.TryAdd(item.OccurrenceKey, at), $"{item.OccurrenceKey} was posted twice");
            }
        }

        var keys = postedAt.Keys.Select(k => k.Split('/')).ToList();
        int Count(string task, string team) => keys.Count(k => k[0] == task && k[1] == team);

        const int workingDays = 22;
        const int weeks = 5;
        foreach (var team in Teams)
        {
            Assert.Equal(workingDays, Count("update-soc-escalation-tickets", team));
        }

        Assert.Equal(workingDays, Count("track-microsoft-365-defender-threat-vulnerability-remediation-activity", "monitoring"));
        Assert.Equal(weeks, Count("generate-secure-score-report", "monitoring"));
        Assert.Equal(weeks, Count("portal-or-license-management", "soc-oversight"));
        Assert.Equal(weeks, Count("service-administration-collaboration-with-soc-teams", "engineering-secops"));
        Assert.Equal(weeks, Count("deploy-automation-scripts-and-services-where-appropriate", "engineering-secops"));
        Assert.Equal(1, Count("update-anti-phishing-data-loss-prevention-campaigns", "soc-oversight"));
        Assert.Equal(0, Count("run-ir-tabletop-exercise", "csirt"));
        Assert.Equal((5 * workingDays) + workingDays + (4 * weeks) + 1, postedAt.Count);

        foreach (var thread in scenario.Connector.CreatedThreads.Where(t => !PostedCards.Texts(PostedCards.CardOf(t.Activity))[0].StartsWith("Escalation", StringComparison.Ordinal)))
        {
            foreach (var key in PostedCards.OccurrenceKeys(PostedCards.CardOf(thread.Activity)))
            {
                Assert.Equal($"19:{key.Split('/')[1]}@thread.tacv2", thread.ChannelId);
            }
        }

        Assert.All(postedAt.Where(p => p.Key.EndsWith("/2026-03-27", StringComparison.Ordinal)), p => Assert.Equal(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero), p.Value));
        Assert.All(postedAt.Where(p => p.Key.EndsWith("/2026-03-30", StringComparison.Ordinal) || p.Key.EndsWith("/2026-W14", StringComparison.Ordinal)), p => Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), p.Value));
        var schedule = scenario.Bot.Services.GetRequiredService<OccurrenceSchedule>();
        Assert.All(postedAt, p => Assert.Equal(schedule.Find(OccurrenceKey.Parse(p.Key))!.RemindAt, p.Value));
        Assert.Equal(workingDays * 6, postedAt.Count(p => p.Key.Contains("/2026-03-", StringComparison.Ordinal) && p.Key.Split('/')[2].Length == 10));
    }
}
