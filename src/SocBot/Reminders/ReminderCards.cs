using System.Globalization;
using SocBot.Cards;
using SocBot.Enrichment;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// The reminder cards, as pure functions of what they show and the time they are shown at: the same view and instant
/// always give the same card, so the card in the channel, the card answered to a click and a refreshed card agree.
/// </summary>
public static class ReminderCards
{
    public const string PostedAgainNotice = "Posted again after an interruption: an earlier copy of this reminder may also be in this channel.";

    /// <summary>The card of one occurrence: open with its buttons, or resolved with who did it and when.</summary>
    public static AdaptiveCard Reminder(ReminderView view, DateTimeOffset now)
    {
        var data = view.Data with { Scope = CardScope.StandAlone };
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = view.TaskTitle, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            StatusLine(view, now),
        };

        if (view.UnboundTeamName is { } unbound)
        {
            body.Add(Notice($"No channel bound for {unbound}: an admin can say \"@SocBot link {view.Data.TeamId}\" in that team's channel."));
        }

        if (view.PostedLate && !view.IsResolved)
        {
            body.Add(Notice("Posted late: SocBot was not running at the reminder time."));
        }

        if (view.PostedAgain && !view.IsResolved)
        {
            body.Add(Notice(PostedAgainNotice));
        }

        body.Add(new AdaptiveTextBlock { Text = view.TaskDescription, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        // An as-needed run's period is its cadence: one fact says it.
        var facts = new List<AdaptiveFact> { new("Team", view.TeamName), new("Cadence", view.Cadence) };
        if (view.PeriodLabel != view.Cadence)
        {
            facts.Add(new AdaptiveFact("Period", view.PeriodLabel));
        }

        facts.Add(new AdaptiveFact("Due", SocTime.LocalWithZone(view.DueAt, view.TimeZone)));
        body.Add(new AdaptiveFactSet { Facts = facts });

        if (view.Live is { } live && !view.IsResolved)
        {
            body.AddRange(LiveSection(live, view.TimeZone));
        }

        var actions = new List<AdaptiveAction>();
        if (!view.IsResolved)
        {
            actions.AddRange(OpenActions(data));
        }

        if (view.RunbookUrl is { } runbook)
        {
            actions.Add(new AdaptiveOpenUrlAction { Title = "Runbook", Url = runbook });
        }

        if (actions.Count > 0)
        {
            body.Add(new AdaptiveActionSet { Actions = actions });
        }

        return new AdaptiveCard
        {
            FallbackText = $"{view.TaskTitle}: {StatusText(view, now)}",
            Body = body,
            Refresh = new AdaptiveRefresh { Action = Execute(ReminderVerbs.Refresh, "Refresh", data) },
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }

    /// <summary>
    /// The most rows one digest card holds: each row's buttons carry their occurrence, so about this many stay well inside
    /// Teams' message size; more reminders due at once in a channel go out as several digests.
    /// </summary>
    public const int MaxDigestRows = 15;

    /// <summary>
    /// The digest's heading, which the card and the CLI's report of the pass both show: whose tasks they are, not the
    /// conversation's name (a personal chat or a channel may serve several teams, and the rows name each one).
    /// </summary>
    public static string DigestHeading(IReadOnlyList<ReminderView> views)
    {
        var teams = views.Select(v => v.TeamName).Distinct(StringComparer.Ordinal).ToList();
        var whose = teams.Count switch
        {
            1 => teams[0],
            2 => $"{teams[0]} and {teams[1]}",
            _ => $"{teams.Count} teams",
        };
        return $"{views.Count} SOC tasks due for {whose}";
    }

    /// <summary>
    /// One card for several occurrences due at once in one channel: a row each with its title, its status (and its team
    /// when the channel serves several) and the single card's Done, Skip (with a reason) and Snooze.
    /// </summary>
    public static AdaptiveCard Digest(IReadOnlyList<ReminderView> views, DateTimeOffset now)
    {
        var heading = DigestHeading(views);
        var scope = CardScope.ForDigest(views);
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = heading, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
        };

        var severalTeams = views.Select(v => v.TeamName).Distinct(StringComparer.Ordinal).Skip(1).Any();
        for (var row = 0; row < views.Count; row++)
        {
            var view = views[row];
            var team = view.UnboundTeamName is null ? view.TeamName : $"{view.TeamName} (no channel yet)";
            var status = StatusLine(view, now) with { Text = severalTeams ? $"{team} · {StatusText(view, now)}" : StatusText(view, now), Spacing = AdaptiveSpacing.None };
            var items = new List<AdaptiveElement>
            {
                new AdaptiveTextBlock { Text = view.TaskTitle, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                status,
            };
            if (view.PostedAgain && !view.IsResolved)
            {
                items.Add(Notice(PostedAgainNotice));
            }

            if (!view.IsResolved)
            {
                items.Add(new AdaptiveActionSet { Actions = DigestRowActions(view.Data with { Scope = scope }, row.ToString(CultureInfo.InvariantCulture)).ToList(), Spacing = AdaptiveSpacing.Small });
            }

            body.Add(new AdaptiveContainer { Items = items, Separator = true, Spacing = AdaptiveSpacing.Medium });
        }

        if (views.Any(v => v.UnboundTeamName is not null))
        {
            body.Add(Notice("Teams with no channel yet get their reminders here. An admin links a team by saying \"@SocBot link\" and the team's name in that team's channel.") with { Separator = true });
        }

        return new AdaptiveCard
        {
            FallbackText = heading,
            Body = body,
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }

    /// <summary>A short card that answers a click when nothing can be done: unknown occurrence, another tenant, no permission.</summary>
    public static AdaptiveCard Message(string title, string text) => new()
    {
        FallbackText = $"{title}: {text}",
        Body =
        [
            new AdaptiveTextBlock { Text = title, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock { Text = text, Wrap = true },
        ],
    };

    public static string StatusText(ReminderView view, DateTimeOffset now) => view.State switch
    {
        OccurrenceState.Completed => $"Completed by {view.ResolvedBy?.Name} at {Clock(view.ResolvedAt, view.TimeZone)}{Suffix(view.Note)}{Evidence(view.Evidence)}",
        OccurrenceState.Skipped => $"Skipped by {view.ResolvedBy?.Name} at {Clock(view.ResolvedAt, view.TimeZone)}: {view.Reason}",
        OccurrenceState.Snoozed when view.SnoozedUntil > now => $"Snoozed until {SocTime.LocalWithZone(view.SnoozedUntil.Value, view.TimeZone)} · {SocTime.DueHint(view.DueAt, now)}",
        _ when now >= view.DueAt => $"Overdue · {SocTime.DueHint(view.DueAt, now)}",
        _ => $"Open · {SocTime.DueHint(view.DueAt, now)}",
    };

    private static AdaptiveTextBlock StatusLine(ReminderView view, DateTimeOffset now) => new()
    {
        Text = StatusText(view, now),
        Wrap = true,
        Weight = AdaptiveTextWeight.Bolder,
        Color = view.State switch
        {
            OccurrenceState.Completed => AdaptiveTextColor.Good,
            OccurrenceState.Skipped => AdaptiveTextColor.Default,
            _ when now >= view.DueAt => AdaptiveTextColor.Attention,
            _ => AdaptiveTextColor.Accent,
        },
    };

    private static IEnumerable<AdaptiveElement> LiveSection(LiveData live, TimeZoneInfo zone)
    {
        yield return new AdaptiveTextBlock { Text = live.Heading, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Separator = true };
        yield return new AdaptiveFactSet { Facts = live.Facts.Select(f => new AdaptiveFact(f.Title, f.Value)).ToList() };
        yield return new AdaptiveTextBlock { Text = $"From Microsoft 365 at {SocTime.LocalWithZone(live.AsOf, zone)}", IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Small };
    }

    private static AdaptiveTextBlock Notice(string text) =>
        new() { Text = text, Wrap = true, IsSubtle = true, Color = AdaptiveTextColor.Warning };

    private static IEnumerable<AdaptiveAction> OpenActions(OccurrenceCardData data)
    {
        yield return new AdaptiveShowCardAction
        {
            Title = "Complete",
            Card = new AdaptiveCard
            {
                Body =
                [
                    new AdaptiveTextInput { Id = ReminderVerbs.NoteInput, Label = "Note (optional)", IsMultiline = true, MaxLength = 1000 },
                    new AdaptiveTextInput { Id = ReminderVerbs.EvidenceInput, Label = "Evidence: ticket id or link (optional)", MaxLength = 500 },
                    new AdaptiveActionSet { Actions = [Execute(ReminderVerbs.Complete, "Complete", data)] },
                ],
            },
        };
        yield return SkipAction(data, row: null);
        yield return SnoozeAction(data);
    }

    /// <summary>A digest row's buttons: Done at once, Skip and Snooze as on the single card.</summary>
    private static IEnumerable<AdaptiveAction> DigestRowActions(OccurrenceCardData data, string row)
    {
        yield return Execute(ReminderVerbs.Complete, "Done", data, withInputs: false);
        yield return SkipAction(data, row);
        yield return SnoozeAction(data);
    }

    /// <summary>
    /// Skip, asking for the reason. Input ids are unique in a card, so a digest row names its reason input after the row
    /// and says which row it is in the button's data (<see cref="OccurrenceCardData.Input"/> reads it back).
    /// </summary>
    private static AdaptiveShowCardAction SkipAction(OccurrenceCardData data, string? row)
    {
        var skip = Execute(ReminderVerbs.Skip, "Skip", data);
        if (row is not null)
        {
            skip.Data![OccurrenceCardData.RowKey] = row;
        }

        return new AdaptiveShowCardAction
        {
            Title = "Skip",
            Card = new AdaptiveCard
            {
                Body =
                [
                    new AdaptiveTextInput
                    {
                        Id = OccurrenceCardData.InputId(ReminderVerbs.ReasonInput, row),
                        Label = "Why is it skipped?",
                        IsRequired = true,
                        ErrorMessage = "A reason is required to skip a SOC task.",
                        MaxLength = 500,
                    },
                    new AdaptiveActionSet { Actions = [skip] },
                ],
            },
        };
    }

    private static AdaptiveShowCardAction SnoozeAction(OccurrenceCardData data) => new()
    {
        Title = "Snooze",
        Card = new AdaptiveCard
        {
            Body =
            [
                new AdaptiveActionSet
                {
                    Actions =
                    [
                        Execute(ReminderVerbs.SnoozeHour, "For 1 hour", data, withInputs: false),
                        Execute(ReminderVerbs.SnoozeTomorrow, "Until tomorrow's reminder", data, withInputs: false),
                    ],
                },
            ],
        },
    };

    /// <summary>Action.Execute with the verb also in the data, so a client that falls back to Action.Submit still says what it meant.</summary>
    private static AdaptiveExecuteAction Execute(string verb, string title, OccurrenceCardData data, bool withInputs = true)
    {
        var payload = data.ToJson();
        payload[ReminderVerbs.SubmitVerbKey] = verb;
        return new AdaptiveExecuteAction
        {
            Title = title,
            Verb = verb,
            Data = payload,
            AssociatedInputs = withInputs ? AdaptiveAssociatedInputs.Auto : AdaptiveAssociatedInputs.None,
            Fallback = AdaptiveFallback.ActionSubmit,
        };
    }

    private static string Clock(DateTimeOffset? at, TimeZoneInfo zone) => at is { } instant ? SocTime.LocalWithZone(instant, zone) : "an unknown time";

    private static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? string.Empty : $" — {note}";

    private static string Evidence(string? evidence) => string.IsNullOrWhiteSpace(evidence) ? string.Empty : $" (evidence: {evidence})";
}
