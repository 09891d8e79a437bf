using System.Text.Json.Nodes;
using SocBot.Cards;

namespace SocBot.Ownership;

/// <summary>
/// The Adaptive Card of an ownership answer, a pure function of the answer: the same content as
/// <see cref="OwnershipAnswerText"/> (which is also the card's fallback text), with the channel as a button and
/// "did you mean" suggestions as buttons that ask the suggested question.
/// </summary>
public static class OwnershipCards
{
    public static AdaptiveCard ToCard(OwnershipAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var body = answer.Kind switch
        {
            OwnershipAnswerKind.Owner => OwnerBody(answer),
            OwnershipAnswerKind.Ambiguous => AmbiguousBody(answer),
            OwnershipAnswerKind.TeamProfile => ProfileBody(answer.Profile!),
            _ => UnknownBody(answer),
        };
        if (answer.Answered && OwnershipAnswerText.CorrectionsNote(answer) is { } note)
        {
            body.Add(new AdaptiveTextBlock { Text = note, Wrap = true, IsSubtle = true });
        }

        if (answer.AlsoRelated.Count > 0)
        {
            body.Add(new AdaptiveTextBlock { Text = "Also related", Weight = AdaptiveTextWeight.Bolder, Separator = true });
            body.AddRange(answer.AlsoRelated.Select(r => new AdaptiveTextBlock { Text = $"**{r.TeamName}**: {r.Item.Title}", Wrap = true }));
        }

        List<AdaptiveAction> actions =
            [.. answer.Owners.Select(o => o.Team).OfType<OwnershipTeam>().Where(t => t.Channel?.Link is not null).Select(OpenChannel)];

        return new AdaptiveCard
        {
            FallbackText = OwnershipAnswerText.ToMarkdown(answer),
            Body = body,
            Actions = actions.Count > 0 ? actions : null,
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }

    /// <summary>The question a "did you mean" button asks, in the asker's name.</summary>
    public static string SuggestedQuestion(OwnershipMatch suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return $"who owns {suggestion.Item.Title}?";
    }

    private static List<AdaptiveElement> OwnerBody(OwnershipAnswer answer) =>
    [
        Heading(OwnershipAnswerText.OwnerHeading(answer)),
        .. Part(answer.Owners[0]),
        .. answer.ByMeaning ? [new AdaptiveTextBlock { Text = OwnershipAnswerText.ByMeaningNote, Wrap = true, IsSubtle = true }] : Array.Empty<AdaptiveElement>(),
    ];

    private static List<AdaptiveElement> AmbiguousBody(OwnershipAnswer answer) =>
    [
        Heading(OwnershipAnswerText.AmbiguousHeading(answer)),
        .. answer.Owners.Select(o => new AdaptiveContainer
        {
            Style = AdaptiveContainerStyle.Emphasis,
            Items = [new AdaptiveTextBlock { Text = o.TeamName, Weight = AdaptiveTextWeight.Bolder, Wrap = true }, .. Part(o)],
        }),
    ];

    private static List<AdaptiveElement> ProfileBody(OwnershipTeamProfile profile)
    {
        var body = new List<AdaptiveElement> { Heading(profile.Team.DisplayName) };
        if (!string.IsNullOrWhiteSpace(profile.Team.Description))
        {
            body.Add(new AdaptiveTextBlock { Text = profile.Team.Description, Wrap = true });
        }

        foreach (var (heading, kind) in new[]
        {
            ("Responsibilities", OwnershipItemKind.Responsibility),
            ("Microsoft 365 Defender tasks", OwnershipItemKind.DefenderTask),
            ("Maintenance tasks", OwnershipItemKind.MaintenanceTask),
        })
        {
            var items = profile.Items.Where(i => i.Kind == kind).ToList();
            if (items.Count > 0)
            {
                body.Add(new AdaptiveTextBlock { Text = heading, Weight = AdaptiveTextWeight.Bolder, Separator = true });
                body.Add(new AdaptiveTextBlock { Text = string.Join("\n", items.Select(i => $"- {i.Title}")), Wrap = true });
            }
        }

        if (Contacts(profile.Team) is { } contacts)
        {
            body.Add(contacts);
        }

        return body;
    }

    private static List<AdaptiveElement> UnknownBody(OwnershipAnswer answer)
    {
        var body = new List<AdaptiveElement> { Heading("I don't know who owns that.") };
        if (answer.OutsideSoc)
        {
            body.Add(new AdaptiveTextBlock { Text = OwnershipAnswerText.OutsideSocNote, Wrap = true });
        }

        if (answer.Suggestions.Count > 0)
        {
            body.Add(new AdaptiveTextBlock { Text = "Did you mean:", Wrap = true });
            body.AddRange(answer.Suggestions.Select(Suggestion));
        }

        body.Add(new AdaptiveTextBlock { Text = OwnershipAnswerText.MatrixHint, Wrap = true, IsSubtle = true });
        return body;
    }

    /// <summary>What a team does that matched, quoted so the asker can judge it, then who to ask.</summary>
    private static IEnumerable<AdaptiveElement> Part(OwnershipMatch match)
    {
        yield return new AdaptiveTextBlock { Text = $"“{match.Item.Title}”", Wrap = true };
        var source = match.Item.Kind switch
        {
            OwnershipItemKind.Responsibility => "Responsibility",
            OwnershipItemKind.DefenderTask => "Microsoft 365 Defender task",
            OwnershipItemKind.MaintenanceTask => match.Item.Cadence is null ? "Maintenance task" : $"Maintenance task · {match.Item.Cadence}",
            _ => "Team",
        };
        yield return new AdaptiveTextBlock
        {
            Text = string.IsNullOrWhiteSpace(match.Item.Description) ? source : $"{source}: {match.Item.Description}",
            Wrap = true,
            IsSubtle = true,
            Spacing = AdaptiveSpacing.None,
        };
        if (match.Team is { } team && Contacts(team) is { } contacts)
        {
            yield return contacts;
        }
    }

    private static AdaptiveFactSet? Contacts(OwnershipTeam team)
    {
        var facts = new List<AdaptiveFact>();
        if (team.Contacts is { Count: > 0 } contacts)
        {
            facts.Add(new AdaptiveFact(
                "Contacts",
                string.Join(", ", contacts.Select(c => c.Address is null ? c.Name : $"{c.Name} ({c.Address})"))));
        }

        if (team.Channel is { Link: null } channel)
        {
            facts.Add(new AdaptiveFact("Channel", channel.ChannelId));
        }

        return facts.Count > 0 ? new AdaptiveFactSet { Facts = facts } : null;
    }

    private static AdaptiveTextBlock Heading(string text) =>
        new() { Text = text, Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true };

    private static AdaptiveOpenUrlAction OpenChannel(OwnershipTeam team) =>
        new() { Title = $"Open {team.DisplayName} channel", Url = team.Channel!.Link! };

    /// <summary>
    /// One suggestion as a row: the duty and its team in a wrapping text (Teams cuts a long button title mid-word), and
    /// beside it a short button that asks it. The rows sit right under "Did you mean:", not in the card's actions, which
    /// Teams draws below everything else.
    /// </summary>
    private static AdaptiveColumnSet Suggestion(OwnershipMatch suggestion) => new()
    {
        Columns =
        [
            new AdaptiveColumn
            {
                Width = AdaptiveColumn.WidthStretch,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                Items = [new AdaptiveTextBlock { Text = $"**{suggestion.Item.Title}** · {suggestion.TeamName}", Wrap = true }],
            },
            new AdaptiveColumn
            {
                Width = AdaptiveColumn.WidthAuto,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                Items = [new AdaptiveActionSet { Actions = [Ask(suggestion)] }],
            },
        ],
    };

    /// <summary>An imBack button: Teams posts the suggested question as the asker's message, so it is answered like one typed.</summary>
    private static AdaptiveSubmitAction Ask(OwnershipMatch suggestion) => new()
    {
        Title = "Ask",
        Data = new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = SuggestedQuestion(suggestion) },
        },
    };
}
