using SocBot.Cards;
using SocBot.Enrichment;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;
using SocBot.Testing.Cards;

namespace SocBot.Tests.Reminders;

/// <summary>Every card kind the reminders post, through Microsoft's renderer, and within Teams' size limit.</summary>
public sealed class ReminderCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static TheoryData<string> CardKinds() => new(Cards().Keys);

    [Theory]
    [MemberData(nameof(CardKinds))]
    public async Task Card_RendersWithNoWarning_AndFitsTeamsLimit(string kind)
    {
        var card = Cards()[kind];

        var rendered = await CardRenderer.AssertCleanAsync(card.ToJson());

        Assert.True(card.MeasureSize().FitsTarget, $"{kind} is {card.MeasureSize().Utf16Bytes} bytes");
        Assert.Contains(card.Body.OfType<AdaptiveTextBlock>().First().Text, System.Net.WebUtility.HtmlDecode(rendered.Html));
    }

    [Fact]
    public void Reminder_Open_OffersCompleteSkipSnoozeAndRunbook_WithSubmitFallback()
    {
        var card = ReminderCards.Reminder(View(), Now);

        var actions = card.Body.OfType<AdaptiveActionSet>().Single().Actions;
        Assert.Equal(["Complete", "Skip", "Snooze", "Runbook"], actions.Select(a => a.Title));
        var snooze = ((AdaptiveShowCardAction)actions[2]).Card.Body.OfType<AdaptiveActionSet>().Single().Actions.OfType<AdaptiveExecuteAction>();
        Assert.Equal([ReminderVerbs.SnoozeHour, ReminderVerbs.SnoozeTomorrow], snooze.Select(a => a.Verb));
        var skip = ((AdaptiveShowCardAction)actions[1]).Card;
        var reason = skip.Body.OfType<AdaptiveTextInput>().Single();
        Assert.True(reason.IsRequired);
        var execute = skip.Body.OfType<AdaptiveActionSet>().Single().Actions.OfType<AdaptiveExecuteAction>().Single();
        Assert.Equal(ReminderVerbs.Skip, execute.Verb);
        Assert.Equal(AdaptiveFallback.ActionSubmit, execute.Fallback);
        Assert.Equal(ReminderVerbs.Skip, execute.Data![ReminderVerbs.SubmitVerbKey]!.GetValue<string>());
        Assert.Equal(ReminderVerbs.Refresh, ((AdaptiveExecuteAction)card.Refresh!.Action).Verb);
    }

    [Fact]
    public void Reminder_ShowsDueTimeInTheTeamsZone_AndRelative()
    {
        var texts = ReminderCards.Reminder(View(), Now).Body.OfType<AdaptiveTextBlock>().Select(t => t.Text).ToList();
        var facts = ReminderCards.Reminder(View(), Now).Body.OfType<AdaptiveFactSet>().Single().Facts;

        Assert.Equal("Open · due in 7 h", texts[1]);
        Assert.Equal("Mon 5 Jan 17:00 (Europe/London)", facts.Single(f => f.Title == "Due").Value);
    }

    private static Dictionary<string, AdaptiveCard> Cards()
    {
        var open = View();
        var completed = open with { State = OccurrenceState.Completed, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now, Note = "Done — \"quotes\" & <angle>", Evidence = "https://tickets.example/INC-1" };
        var skipped = open with { State = OccurrenceState.Skipped, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now, Reason = "Change freeze" };
        var snoozed = open with { State = OccurrenceState.Snoozed, SnoozedUntil = Now.AddHours(1) };
        var lateUnbound = open with { PostedLate = true, UnboundTeamName = "CSIRT", RunbookUrl = null };
        var many = Enumerable.Range(0, 35).Select(i => open with { TaskTitle = $"Task {i} with a reasonably long descriptive title", Data = open.Data with { Key = OccurrenceKey.ForDay($"task-{i}", "monitoring", new DateOnly(2026, 1, 5)) } }).ToList();
        return new Dictionary<string, AdaptiveCard>
        {
            ["open"] = ReminderCards.Reminder(open, Now),
            ["open-with-live-data"] = ReminderCards.Reminder(open with { Live = Live() }, Now),
            ["overdue"] = ReminderCards.Reminder(open, Now.AddHours(9)),
            ["completed"] = ReminderCards.Reminder(completed, Now),
            ["skipped"] = ReminderCards.Reminder(skipped, Now),
            ["snoozed"] = ReminderCards.Reminder(snoozed, Now),
            ["late-unbound"] = ReminderCards.Reminder(lateUnbound, Now),
            ["digest"] = ReminderCards.Digest("SOC Oversight", [open, completed, lateUnbound], Now),
            ["digest-35"] = ReminderCards.Digest("SOC Oversight", many, Now),
            ["escalation"] = EscalationCards.Summary(many, Now.AddDays(2)),
            ["message"] = ReminderCards.Message("Unknown reminder", "I have no record of this reminder, so nothing was recorded."),
        };
    }

    private static LiveData Live() => new(
        "Microsoft Secure Score",
        [new LiveFact("Secure Score", "71.3 / 98 (72 %)"), new LiveFact("Change in 7 days", "+2.5"), new LiveFact("As of", "2026-01-05")],
        Now);

    [Fact]
    public void Reminder_LiveData_ShownWhileOpen_DroppedOnceResolved()
    {
        var open = View() with { Live = Live() };
        var done = open with { State = OccurrenceState.Completed, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now };

        var openTexts = ReminderCards.Reminder(open, Now).Body.OfType<AdaptiveTextBlock>().Select(t => t.Text).ToList();
        var openFacts = ReminderCards.Reminder(open, Now).Body.OfType<AdaptiveFactSet>().Last().Facts;

        Assert.Contains("Microsoft Secure Score", openTexts);
        Assert.Contains("From Microsoft 365 at Mon 5 Jan 10:00", openTexts);
        Assert.Equal(new AdaptiveFact("Secure Score", "71.3 / 98 (72 %)"), openFacts[0]);
        Assert.DoesNotContain("Microsoft Secure Score", ReminderCards.Reminder(done, Now).Body.OfType<AdaptiveTextBlock>().Select(t => t.Text));
    }

    private static ReminderView View() => ReminderView.Open(
        new OccurrenceCardData("tenant-1", "monitoring", OccurrenceKey.ForDay("track-tvm", "monitoring", new DateOnly(2026, 1, 5))),
        "Track Microsoft 365 Defender Threat & Vulnerability remediation activity",
        "Generate TvM Secure Score remediation activity and report to asset owners through an intranet portal.",
        "Monitoring",
        "Daily",
        "Mon 5 Jan 2026",
        new DateTimeOffset(2026, 1, 5, 17, 0, 0, TimeSpan.Zero),
        London,
        new Uri("https://runbooks.example/tvm"));
}
