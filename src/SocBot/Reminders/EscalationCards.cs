using SocBot.Cards;
using SocBot.Catalog;

namespace SocBot.Reminders;

/// <summary>
/// The cards of overdue work: the nudge in a reminder's thread, mentioning the owning team's contacts, and the summary
/// an escalation team receives, a line per task grouped by owner, with whom to chase and a link to each card.
/// </summary>
public static class EscalationCards
{
    /// <summary>One reply in a card's thread for everything on that card that has just become due for a nudge.</summary>
    public static AdaptiveCard Nudge(IReadOnlyList<OverdueTask> overdue, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(overdue.Count);
        var severalTeams = overdue.Select(o => o.View.TeamName).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var mentions = Mentions(overdue.SelectMany(o => o.Contacts));
        var body = new List<AdaptiveElement>();
        if (overdue.Count == 1)
        {
            var view = overdue[0].View;
            body.Add(Heading($"Overdue by {SocTime.Span(now - view.DueAt)}: {view.TaskTitle}"));
            body.Add(new AdaptiveTextBlock { Text = $"{view.TeamName} · was due {SocTime.LocalWithZone(view.DueAt, view.TimeZone)}", Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.None });
        }
        else
        {
            body.Add(Heading($"{overdue.Count} tasks on the card above are overdue"));
            body.AddRange(overdue.OrderBy(o => o.View.DueAt).Select(o => new AdaptiveTextBlock
            {
                Text = $"**{o.View.TaskTitle}** — {(severalTeams ? o.View.TeamName + " — " : "")}overdue by {SocTime.Span(now - o.View.DueAt)}",
                Wrap = true,
                Spacing = AdaptiveSpacing.Small,
            }));
        }

        var ask = overdue.Count == 1 ? "please complete it, skip it with a reason, or snooze it on the card above." : "please complete, skip or snooze each on the card above.";
        body.Add(new AdaptiveTextBlock
        {
            Text = mentions.Count == 0 ? char.ToUpperInvariant(ask[0]) + ask[1..] : $"{string.Join(", ", mentions.Select(m => m.Text))}: {ask}",
            Wrap = true,
            Spacing = AdaptiveSpacing.Medium,
        });
        var unnamed = overdue.Where(o => !o.Contacts.Any(c => c.MentionId is not null)).Select(o => o.View.TeamName).Distinct(StringComparer.Ordinal).ToList();
        if (unnamed.Count > 0)
        {
            body.Add(new AdaptiveTextBlock
            {
                Text = $"No one was mentioned for {string.Join(", ", unnamed)}: the catalog lists no contacts for {(unnamed.Count == 1 ? "it" : "them")}.",
                Wrap = true,
                IsSubtle = true,
                Spacing = AdaptiveSpacing.Small,
            });
        }

        return new AdaptiveCard
        {
            FallbackText = overdue.Count == 1
                ? $"{overdue[0].View.TaskTitle} ({overdue[0].View.TeamName}) is overdue by {SocTime.Span(now - overdue[0].View.DueAt)}."
                : $"{overdue.Count} tasks on the card above are overdue.",
            Body = body,
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth, Entities = mentions.Count == 0 ? null : mentions },
        };
    }

    /// <summary>The escalation team's summary: per owning team its contacts, then a line per overdue task with a link to its card.</summary>
    public static AdaptiveCard Summary(IReadOnlyList<OverdueTask> overdue, DateTimeOffset now)
    {
        var heading = $"Escalation: {overdue.Count} overdue SOC task{(overdue.Count == 1 ? "" : "s")}";
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = heading, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention, Wrap = true },
        };
        foreach (var team in overdue.GroupBy(o => o.View.TeamName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var contacts = team.First().Contacts;
            body.Add(new AdaptiveTextBlock { Text = team.Key, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Separator = true, Spacing = AdaptiveSpacing.Medium });
            body.Add(new AdaptiveTextBlock
            {
                Text = contacts.Count == 0 ? "Contacts: none in the catalog" : $"Contacts: {string.Join(", ", contacts.Select(Named))}",
                Wrap = true,
                IsSubtle = true,
                Spacing = AdaptiveSpacing.None,
            });
            body.AddRange(team.OrderBy(o => o.View.DueAt).Select(o => Line(o, now)));
        }

        return new AdaptiveCard
        {
            FallbackText = heading,
            Body = body,
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }

    private static AdaptiveColumnSet Line(OverdueTask task, DateTimeOffset now)
    {
        var view = task.View;
        var columns = new List<AdaptiveColumn>
        {
            new()
            {
                Width = AdaptiveColumn.WidthStretch,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                Items = [new AdaptiveTextBlock { Text = $"**{view.TaskTitle}** — {view.TeamName} — overdue by {SocTime.Span(now - view.DueAt)}", Wrap = true }],
            },
        };
        if (task.CardLink is { } link)
        {
            columns.Add(new AdaptiveColumn
            {
                Width = AdaptiveColumn.WidthAuto,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                Items = [new AdaptiveActionSet { Actions = [new AdaptiveOpenUrlAction { Title = "Open card", Url = link }] }],
            });
        }

        return new AdaptiveColumnSet { Columns = columns, Spacing = AdaptiveSpacing.Small };
    }

    private static AdaptiveTextBlock Heading(string text) =>
        new() { Text = text, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention, Wrap = true };

    private static string Named(TeamContact contact) => contact.Upn is null ? contact.Name : $"{contact.Name} ({contact.Upn})";

    /// <summary>Each contact Teams can mention once, by Entra object id when the catalog has it, else by UPN.</summary>
    private static List<TeamsMention> Mentions(IEnumerable<TeamContact> contacts) =>
        contacts.Where(c => c.MentionId is not null)
            .DistinctBy(c => c.MentionId, StringComparer.OrdinalIgnoreCase)
            .Select(c => TeamsMention.Of(c.MentionId!, c.Name))
            .ToList();
}
