using System.Text.Json;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Reminders;
using SocBot.State;
using SocBot.Testing.Playground;
using SocBot.Tests.Catalog;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Playground;

/// <summary>
/// Issue 13's week, replayed through Microsoft 365 Agents Playground in its personal chat: install, link, the reminders
/// of a Monday as one digest, Done from the card, the single nudge with a mention, the escalation summary, then the
/// commands a SOC lead types. Each step asserts what a person reads: titles not ids, zones as people write them, no
/// escaped placeholders. With SOCBOT_PLAYGROUND_SCREENSHOTS set, the chat is photographed after each step.
/// </summary>
public sealed class PlaygroundWeekTests
{
    // A Monday at 09:00 UTC: the built-in catalog's daily and weekly reminders come due at once.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PersonalChat_TheWeek_EveryStepReadsAsAPersonExpects()
    {
        var time = new FakeTimeProvider(MondayMorning);
        var userObjectId = "00000000-0000-0000-0000-0000000000020";
        using var catalog = new TempCatalogFile(CatalogLoader.ReadDefaultText().Replace(
            "  - id: monitoring\n    displayName: Monitoring\n",
            "  - id: monitoring\n    displayName: Monitoring\n    contacts:\n      - name: Alex Wilber\n        upn: alex.wilber@contoso.com\n",
            StringComparison.Ordinal));
        await using var bot = await SocBotTestHost.StartAsync(
            new Dictionary<string, string?> { ["SocBot:CatalogPath"] = catalog.Path, ["SocBot:AdminObjectIds:0"] = userObjectId },
            overrideServices: services => services.AddSingleton<TimeProvider>(time));
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseUrl, "api/messages"));
        Assert.Equal(userObjectId, playground.CurrentUser.GetProperty("aadObjectId").GetString());
        var chat = playground.PersonalChatId;
        var pass = bot.Services.GetRequiredService<ReminderPass>();

        // A person opens the Playground's page, which installs the bot; without a page the test installs it the same way.
        await using var photos = await PlaygroundScreenshots.OpenOrInstallAsync(playground, height: 1500);

        var welcome = await playground.WaitForAsync(e => IsBotCard(playground, e, "Hi, I'm SocBot"), "welcome card on install");
        Assert.Equal("Hi, I'm SocBot", PostedCards.Texts(welcome.Card!.Value).First());

        Assert.StartsWith("Linked **SOC Oversight**", await SayAsync(playground, time, "link soc-oversight"), StringComparison.Ordinal);
        Assert.StartsWith("Linked **Monitoring**", await SayAsync(playground, time, "link monitoring"), StringComparison.Ordinal);

        var report = await pass.RunAsync(time.GetUtcNow(), dryRun: false, CancellationToken.None);
        var posted = report.Posted.ToList();
        Assert.True(posted.Count > 3, "Monday's reminders arrive as one digest");
        var digest = await playground.WaitForAsync(e => IsBotCard(playground, e, "10 SOC tasks due for 5 teams"), "the digest");
        var digestTexts = PostedCards.Texts(digest.Card!.Value).ToList();
        Assert.Contains(digestTexts, t => t.Contains("Update SOC escalation tickets", StringComparison.Ordinal));
        Assert.DoesNotContain(digestTexts, t => t.Contains("update-soc-escalation-tickets", StringComparison.Ordinal) || t.Contains("Etc/UTC", StringComparison.Ordinal));
        var verbs = PostedCards.Verbs(digest.Card.Value);
        Assert.Contains("socbot.complete", verbs);
        Assert.Contains("socbot.skip", verbs);
        Assert.Contains("socbot.snooze.hour", verbs);

        var tickets = posted.First(p => p.OccurrenceKey.StartsWith("update-soc-escalation-tickets/monitoring/", StringComparison.Ordinal));
        var done = PostedCards.Actions(digest.Card.Value, "socbot.complete").First(a => a.GetProperty("data").GetProperty("occ").GetString() == tickets.OccurrenceKey);
        await playground.ClickAsync(chat, digest.MessageId!, "socbot.complete", done.GetProperty("data"));
        var updated = await playground.WaitForAsync(e => IsBotMessage(playground, e, "updateMessage") && e.MessageId == digest.MessageId, "the digest updated in place");
        Assert.Contains(PostedCards.Texts(updated.Card!.Value), t => t.Contains("Completed by Alex Wilber", StringComparison.Ordinal));
        await TakeAsync(photos, "playground-digest.png");

        // Monday 19:30: the daily tasks are 2.5 h past their 17:00 due time, past the daily nudge (2 h).
        // The first pass after the due time turns the cards overdue; the next (the scheduler's, a minute later) nudges.
        time.Advance(TimeSpan.FromHours(10.5));
        await pass.RunAsync(time.GetUtcNow(), dryRun: false, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await pass.RunAsync(time.GetUtcNow(), dryRun: false, CancellationToken.None);
        var nudge = await playground.WaitForAsync(e => IsBotCard(playground, e, "tasks on the card above are overdue"), "the digest's nudge");
        var nudgeTexts = PostedCards.Texts(nudge.Card!.Value).ToList();
        Assert.Contains(nudgeTexts, t => t.Contains("tasks on the card above are overdue", StringComparison.Ordinal));
        Assert.Contains(nudgeTexts, t => t.Contains("<at>Alex Wilber</at>", StringComparison.Ordinal));
        await TakeAsync(photos, "playground-nudge.png");

        // Tuesday 02:01: six and a half hours after the nudge, past the daily escalation (6 h).
        time.Advance(TimeSpan.FromHours(6.5));
        var quiet = await pass.RunAsync(time.GetUtcNow(), dryRun: false, CancellationToken.None);
        Assert.Empty(quiet.Posted);
        var escalation = await playground.WaitForAsync(e => IsBotCard(playground, e, "Escalation: "), "the escalation summary");
        var escalationTexts = PostedCards.Texts(escalation.Card!.Value).ToList();
        Assert.StartsWith("Escalation: ", escalationTexts[0], StringComparison.Ordinal);
        Assert.Contains(escalationTexts, t => t.Contains("Contacts: Alex Wilber (alex.wilber@contoso.com)", StringComparison.Ordinal));
        Assert.DoesNotContain(escalationTexts, t => t.Contains("Update SOC escalation tickets** — Monitoring", StringComparison.Ordinal));
        await TakeAsync(photos, "playground-escalation.png");

        var help = await SayAsync(playground, time, "help");
        Assert.Equal(bot.Services.GetRequiredService<HelpModule>().HelpText(forAdmin: true), help);
        var unknown = await SayAsync(playground, time, "stauts");
        Assert.StartsWith("I didn't catch that. Did you mean:\n\n- **status [team]**", unknown, StringComparison.Ordinal);
        await TakeAsync(photos, "playground-help-unknown.png");

        var status = await SayAsync(playground, time, "status");
        Assert.StartsWith("**SOC status, week 48 2026 (Mon 23 Nov – Sun 29 Nov)**, as of Tue 24 Nov 02:01 UTC", status, StringComparison.Ordinal);
        var history = await SayAsync(playground, time, "history tickets");
        Assert.Contains("by Alex Wilber at Mon 23 Nov 09:00 UTC", history, StringComparison.Ordinal);
        var complete = await SayAsync(playground, time, "complete secure scor report");
        Assert.StartsWith("Recorded **Generate Secure Score report** (Week 48 2026) as done.", complete, StringComparison.Ordinal);
        await TakeAsync(photos, "playground-status-history-complete.png");

        var export = await SayAsync(playground, time, "export today");
        Assert.StartsWith("Audit log 2026-11-24: 1 entry. Allow the upload", export, StringComparison.Ordinal);
        await TakeAsync(photos, "playground-export.png");

        foreach (var text in new[] { help, unknown, status, history, complete, export })
        {
            Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Etc/UTC", text, StringComparison.Ordinal);
            Assert.DoesNotContain("update-soc-escalation-tickets", text, StringComparison.Ordinal);
        }

        var stored = await bot.Services.GetRequiredService<ISocStateStore>().GetOccurrenceAsync(tickets.TenantId, tickets.TeamId, tickets.OccurrenceKey, CancellationToken.None);
        Assert.Equal(OccurrenceState.Completed, stored?.State);
    }

    private static Task TakeAsync(PlaygroundScreenshots? photos, string name) => photos?.TakeAsync(name) ?? Task.CompletedTask;

    /// <summary>
    /// Ten seconds pass before each message, as between a person's messages: the connector's pacing reads the clock, and
    /// its 30 s call timeout does too, so a step that long would time out a reply the Playground is still acknowledging.
    /// </summary>
    private static async Task<string> SayAsync(AgentsPlayground playground, FakeTimeProvider time, string text)
    {
        time.Advance(TimeSpan.FromSeconds(10));
        await playground.SendTextAsync(playground.PersonalChatId, text);
        var reply = await playground.WaitForAsync(e => IsBotMessage(playground, e, "createMessage") && e.Text is not null, $"reply to '{text}'");
        return reply.Text!;
    }

    /// <summary>A new card from the bot whose first text contains <paramref name="heading"/> (opening the UI may bring a welcome in between).</summary>
    private static bool IsBotCard(AgentsPlayground playground, PlaygroundStreamEvent streamEvent, string heading) =>
        IsBotMessage(playground, streamEvent, "createMessage") && streamEvent.Card is { } card
        && PostedCards.Texts(card).FirstOrDefault()?.Contains(heading, StringComparison.Ordinal) == true;

    private static bool IsBotMessage(AgentsPlayground playground, PlaygroundStreamEvent streamEvent, string action) =>
        AgentsPlaygroundTests.IsBotMessage(playground, streamEvent, action);
}
