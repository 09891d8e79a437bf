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
        Assert.Equal("Mon 5 Jan 17:00 London time", facts.Single(f => f.Title == "Due").Value);
    }

    [Theory]
    [InlineData("Etc/UTC", "UTC")]
    [InlineData("UTC", "UTC")]
    [InlineData("Europe/London", "London time")]
    [InlineData("America/New_York", "New York time")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires time")]
    public void ZoneName_IanaId_ReadsAsPeopleWriteIt(string id, string expected) =>
        Assert.Equal(expected, SocTime.ZoneName(TimeZoneInfo.FindSystemTimeZoneById(id)));

    [Fact]
    public void Reminder_Completed_SaysWhenInTheTeamsZone()
    {
        var done = View() with { State = OccurrenceState.Completed, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now };

        Assert.Equal("Completed by Ada at Mon 5 Jan 10:00 London time", ReminderCards.StatusText(done, Now));
    }

    [Fact]
    public void Reminder_AsNeededRun_ShowsItsCadenceOnce()
    {
        var run = View() with { Cadence = "As needed", PeriodLabel = "As needed" };

        var facts = ReminderCards.Reminder(run, Now).Body.OfType<AdaptiveFactSet>().Single().Facts;

        Assert.Equal(["Team", "Cadence", "Due"], facts.Select(f => f.Title));
    }

    [Fact]
    public void Digest_EachOpenRow_OffersDoneSkipSnooze_WithItsOwnReasonInput()
    {
        var views = Rows(3);

        var card = ReminderCards.Digest(views, Now);

        var rows = card.Body.OfType<AdaptiveContainer>().ToList();
        Assert.Equal(3, rows.Count);
        var reasonIds = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var actions = rows[i].Items.OfType<AdaptiveActionSet>().Single().Actions;
            Assert.Equal(["Done", "Skip", "Snooze"], actions.Select(a => a.Title));
            var skip = ((AdaptiveShowCardAction)actions[1]).Card;
            var reason = skip.Body.OfType<AdaptiveTextInput>().Single();
            Assert.True(reason.IsRequired);
            var execute = skip.Body.OfType<AdaptiveActionSet>().Single().Actions.OfType<AdaptiveExecuteAction>().Single();
            Assert.Equal(views[i].Data.Key.ToString(), execute.Data!["occ"]!.GetValue<string>());
            var submitted = System.Text.Json.Nodes.JsonNode.Parse(execute.Data.ToJsonString())!.AsObject();
            submitted[reason.Id!] = "Portal outage";
            using var data = System.Text.Json.JsonDocument.Parse(submitted.ToJsonString());
            Assert.Equal("Portal outage", OccurrenceCardData.Input(data.RootElement, ReminderVerbs.ReasonInput));
            reasonIds.Add(reason.Id!);
        }

        Assert.Equal(3, reasonIds.Distinct().Count());
    }

    [Fact]
    public void Digest_NamesTheTeamOfEachRow_OnlyWhenTheChannelServesSeveral()
    {
        var one = ReminderCards.Digest(Rows(2), Now);
        var several = ReminderCards.Digest([Rows(1)[0], Rows(2)[1] with { TeamName = "CSIRT", UnboundTeamName = "CSIRT" }], Now);

        Assert.Equal("Open · due in 7 h", StatusOfRow(one, 0));
        Assert.Equal("Monitoring · Open · due in 7 h", StatusOfRow(several, 0));
        Assert.Equal("CSIRT (no channel yet) · Open · due in 7 h", StatusOfRow(several, 1));
        Assert.Equal("2 SOC tasks due for Monitoring and CSIRT", several.Body.OfType<AdaptiveTextBlock>().First().Text);
    }

    [Fact]
    public void Nudge_ForADigest_ListsEachOverdueRowOnce_AndMentionsContactsByObjectIdElseUpn()
    {
        var ada = new SocBot.Catalog.TeamContact("Ada Lovelace", "ada@contoso.example", Guid.Parse("3f6b2c1e-8d4a-4e59-9b1f-2a7c5d9e0f11"));
        var grace = new SocBot.Catalog.TeamContact("Grace Hopper", "grace@contoso.example");
        var nobody = new SocBot.Catalog.TeamContact("No Address", null);
        var overdue = Rows(3).Select(v => new OverdueTask(v, [ada, grace, nobody], null)).ToList();

        var card = EscalationCards.Nudge(overdue, Now.AddHours(9));

        var texts = card.Body.OfType<AdaptiveTextBlock>().Select(t => t.Text).ToList();
        Assert.Equal("3 tasks on the card above are overdue", texts[0]);
        Assert.Equal(overdue.Select(o => $"**{o.View.TaskTitle}** — overdue by 2 h"), texts.Skip(1).Take(3));
        Assert.Equal("<at>Ada Lovelace</at>, <at>Grace Hopper</at>: please complete, skip or snooze each on the card above.", texts[4]);
        Assert.Equal(["3f6b2c1e-8d4a-4e59-9b1f-2a7c5d9e0f11", "grace@contoso.example"], card.MsTeams!.Entities!.Select(m => m.Mentioned.Id));
        Assert.All(card.MsTeams.Entities!, m => Assert.Contains(m.Text, texts[4], StringComparison.Ordinal));
    }

    [Fact]
    public void Nudge_TeamWithoutContacts_SaysNoOneWasMentioned()
    {
        var card = EscalationCards.Nudge([new OverdueTask(View(), [], null)], Now.AddHours(9));

        var texts = card.Body.OfType<AdaptiveTextBlock>().Select(t => t.Text).ToList();
        Assert.Equal("Overdue by 2 h: Track Microsoft 365 Defender Threat & Vulnerability remediation activity", texts[0]);
        Assert.Equal("Please complete it, skip it with a reason, or snooze it on the card above.", texts[2]);
        Assert.Equal("No one was mentioned for Monitoring: the catalog lists no contacts for it.", texts[3]);
        Assert.Null(card.MsTeams!.Entities);
    }

    [Fact]
    public void Summary_GroupsByTeam_OneLinePerTask_WithContactsAndALinkToEachCard()
    {
        var link = new Uri("https://teams.microsoft.com/l/message/19%3Amonitoring%40thread.tacv2/1001?tenantId=t&parentMessageId=1001");
        var ada = new SocBot.Catalog.TeamContact("Ada Lovelace", "ada@contoso.example");
        var monitoring = Rows(2).Select(v => new OverdueTask(v, [ada], link)).ToList();
        var csirt = new OverdueTask(Rows(1)[0] with { TeamName = "CSIRT" }, [], null);

        var card = EscalationCards.Summary([.. monitoring, csirt], Now.AddDays(1));

        var texts = card.Body.OfType<AdaptiveTextBlock>().Select(t => t.Text).ToList();
        Assert.Equal(["Escalation: 3 overdue SOC tasks", "CSIRT", "Contacts: none in the catalog", "Monitoring", "Contacts: Ada Lovelace (ada@contoso.example)"], texts);
        var lines = card.Body.OfType<AdaptiveColumnSet>().ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal($"**{monitoring[0].View.TaskTitle}** — Monitoring — overdue by 17 h", ((AdaptiveTextBlock)lines[1].Columns[0].Items[0]).Text);
        var open = (AdaptiveOpenUrlAction)((AdaptiveActionSet)lines[1].Columns[1].Items[0]).Actions.Single();
        Assert.Equal(("Open card", link), (open.Title, open.Url));
        Assert.Single(lines[0].Columns);
    }

    [Theory]
    [InlineData("19:monitoring@thread.tacv2;messageid=1001", "1001", "https://teams.microsoft.com/l/message/19%3Amonitoring%40thread.tacv2/1001?tenantId=tenant-1&parentMessageId=1001")]
    [InlineData("19:chat@thread.v2", "m-7", "https://teams.microsoft.com/l/message/19%3Achat%40thread.v2/m-7?context=%7B%22contextType%22%3A%22chat%22%7D")]
    public void PostedCardLink_ChannelThreadOrChat_OpensThePostedMessage(string conversationId, string activityId, string expected) =>
        Assert.Equal(expected, PostedCardLink.To("tenant-1", conversationId, activityId)!.AbsoluteUri);

    private static string StatusOfRow(AdaptiveCard digest, int row) =>
        ((AdaptiveTextBlock)digest.Body.OfType<AdaptiveContainer>().ElementAt(row).Items[1]).Text;

    private static List<ReminderView> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => View() with
        {
            TaskTitle = $"Task {i}",
            Data = View().Data with { Key = OccurrenceKey.ForDay($"task-{i}", "monitoring", new DateOnly(2026, 1, 5)) },
        }).ToList();

    private static Dictionary<string, AdaptiveCard> Cards()
    {
        var open = View();
        var completed = open with { State = OccurrenceState.Completed, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now, Note = "Done — \"quotes\" & <angle>", Evidence = "https://tickets.example/INC-1" };
        var skipped = open with { State = OccurrenceState.Skipped, ResolvedBy = new Actor("aad-ada", "Ada"), ResolvedAt = Now, Reason = "Change freeze" };
        var snoozed = open with { State = OccurrenceState.Snoozed, SnoozedUntil = Now.AddHours(1) };
        var lateUnbound = open with { PostedLate = true, UnboundTeamName = "CSIRT", RunbookUrl = null };
        var many = Enumerable.Range(0, 35).Select(i => open with { TaskTitle = $"Task {i} with a reasonably long descriptive title", Data = open.Data with { Key = OccurrenceKey.ForDay($"task-{i}", "monitoring", new DateOnly(2026, 1, 5)) } }).ToList();
        var ada = new SocBot.Catalog.TeamContact("Ada Lovelace", "ada@contoso.example", Guid.Parse("3f6b2c1e-8d4a-4e59-9b1f-2a7c5d9e0f11"));
        var link = new Uri("https://teams.microsoft.com/l/message/19%3Amonitoring%40thread.tacv2/1001?tenantId=t&parentMessageId=1001");
        var overdue = many.Select((v, i) => new OverdueTask(i % 2 == 0 ? v : v with { TeamName = "CSIRT" }, i % 2 == 0 ? [ada] : [], link)).ToList();
        return new Dictionary<string, AdaptiveCard>
        {
            ["open"] = ReminderCards.Reminder(open, Now),
            ["open-with-live-data"] = ReminderCards.Reminder(open with { Live = Live() }, Now),
            ["overdue"] = ReminderCards.Reminder(open, Now.AddHours(9)),
            ["completed"] = ReminderCards.Reminder(completed, Now),
            ["skipped"] = ReminderCards.Reminder(skipped, Now),
            ["snoozed"] = ReminderCards.Reminder(snoozed, Now),
            ["late-unbound"] = ReminderCards.Reminder(lateUnbound, Now),
            ["digest"] = ReminderCards.Digest([open, completed, lateUnbound], Now),
            ["digest-largest"] = ReminderCards.Digest(Largest(open), Now),
            ["digest-several-teams"] = ReminderCards.Digest([open, skipped, snoozed with { TeamName = "CSIRT", UnboundTeamName = "CSIRT" }], Now.AddHours(8)),
            ["escalation"] = EscalationCards.Summary(overdue, Now.AddDays(2)),
            ["nudge"] = EscalationCards.Nudge([overdue[0]], Now.AddHours(9)),
            ["nudge-digest"] = EscalationCards.Nudge(overdue.Take(5).ToList(), Now.AddHours(9)),
            ["message"] = ReminderCards.Message("Unknown reminder", "I have no record of this reminder, so nothing was recorded."),
        };
    }

    /// <summary>The most rows a digest holds, with real lengths: tenant GUIDs, long task ids, team names on every row.</summary>
    private static List<ReminderView> Largest(ReminderView open) =>
        Enumerable.Range(0, ReminderCards.MaxDigestRows).Select(i => open with
        {
            TaskTitle = $"Track Microsoft 365 Defender Threat & Vulnerability remediation activity {i}",
            TeamName = i % 2 == 0 ? "Monitoring" : "Computer Security Incident Response Team (CSIRT)",
            UnboundTeamName = i % 2 == 0 ? null : "Computer Security Incident Response Team (CSIRT)",
            Data = new OccurrenceCardData(
                "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "engineering-secops",
                OccurrenceKey.ForDay($"track-microsoft-365-defender-threat-vulnerability-remediation-activity-{i}", "engineering-secops", new DateOnly(2026, 1, 5))),
        }).ToList();

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
        Assert.Contains("From Microsoft 365 at Mon 5 Jan 10:00 London time", openTexts);
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
