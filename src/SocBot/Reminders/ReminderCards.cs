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
        body.Add(new AdaptiveFactSet
        {
            Facts =
            [
                new AdaptiveFact("Team", view.TeamName),
                new AdaptiveFact("Cadence", view.Cadence),
                new AdaptiveFact("Period", view.PeriodLabel),
                new AdaptiveFact("Due", $"{SocTime.Local(view.DueAt, view.TimeZone)} ({view.TimeZone.Id})"),
            ],
        });

        if (view.Live is { } live && !view.IsResolved)
        {
            body.AddRange(LiveSection(live, view.TimeZone));
        }

        var actions = new List<AdaptiveAction>();
        if (!view.IsResolved)
        {
            actions.AddRange(OpenActions(view.Data));
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
            Refresh = new AdaptiveRefresh { Action = Execute(ReminderVerbs.Refresh, "Refresh", view.Data) },
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }

    /// <summary>One card for several occurrences due at once in one channel, a row and a button each.</summary>
    public static AdaptiveCard Digest(string channelTitle, IReadOnlyList<ReminderView> views, DateTimeOffset now)
    {
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = $"{views.Count} SOC tasks due for {channelTitle}", Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
        };

        foreach (var view in views)
        {
            var status = new List<AdaptiveElement>
            {
                new AdaptiveTextBlock { Text = view.TaskTitle, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                StatusLine(view, now),
            };
            if (view.UnboundTeamName is { } unbound)
            {
                status.Add(Notice($"No channel bound for {unbound}."));
            }

            if (view.PostedAgain && !view.IsResolved)
            {
                status.Add(Notice(PostedAgainNotice));
            }

            var row = new AdaptiveColumnSet
            {
                Separator = true,
                Columns =
                [
                    new AdaptiveColumn { Width = AdaptiveColumn.WidthStretch, Items = status },
                    new AdaptiveColumn
                    {
                        Width = AdaptiveColumn.WidthAuto,
                        VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                        Items = view.IsResolved
                            ? []
                            : [new AdaptiveActionSet { Actions = [Execute(ReminderVerbs.Complete, "Done", view.Data)] }],
                    },
                ],
            };
            body.Add(row);
        }

        return new AdaptiveCard
        {
            FallbackText = $"{views.Count} SOC tasks due for {channelTitle}",
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
        OccurrenceState.Snoozed when view.SnoozedUntil > now => $"Snoozed until {SocTime.Local(view.SnoozedUntil.Value, view.TimeZone)} · {SocTime.DueHint(view.DueAt, now)}",
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
        yield return new AdaptiveTextBlock { Text = $"From Microsoft 365 at {SocTime.Local(live.AsOf, zone)}", IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Small };
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
        yield return new AdaptiveShowCardAction
        {
            Title = "Skip",
            Card = new AdaptiveCard
            {
                Body =
                [
                    new AdaptiveTextInput
                    {
                        Id = ReminderVerbs.ReasonInput,
                        Label = "Why is it skipped?",
                        IsRequired = true,
                        ErrorMessage = "A reason is required to skip a SOC task.",
                        MaxLength = 500,
                    },
                    new AdaptiveActionSet { Actions = [Execute(ReminderVerbs.Skip, "Skip", data)] },
                ],
            },
        };
        yield return new AdaptiveShowCardAction
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
    }

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

    private static string Clock(DateTimeOffset? at, TimeZoneInfo zone) => at is { } instant ? SocTime.Local(instant, zone) : "an unknown time";

    private static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? string.Empty : $" — {note}";

    private static string Evidence(string? evidence) => string.IsNullOrWhiteSpace(evidence) ? string.Empty : $" (evidence: {evidence})";
}
