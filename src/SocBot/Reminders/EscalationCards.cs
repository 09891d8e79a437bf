using SocBot.Cards;

namespace SocBot.Reminders;

/// <summary>The summary an escalation team receives: what is overdue, whose it is, and for how long.</summary>
public static class EscalationCards
{
    public static AdaptiveCard Summary(IReadOnlyList<ReminderView> overdue, DateTimeOffset now)
    {
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock
            {
                Text = $"Escalation: {overdue.Count} overdue SOC task{(overdue.Count == 1 ? "" : "s")}",
                Size = AdaptiveTextSize.Large,
                Weight = AdaptiveTextWeight.Bolder,
                Color = AdaptiveTextColor.Attention,
                Wrap = true,
            },
        };
        foreach (var view in overdue.OrderBy(v => v.DueAt))
        {
            body.Add(new AdaptiveTextBlock { Text = view.TaskTitle, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Separator = true });
            body.Add(new AdaptiveFactSet
            {
                Facts =
                [
                    new AdaptiveFact("Owner", view.TeamName),
                    new AdaptiveFact("Period", view.PeriodLabel),
                    new AdaptiveFact("Was due", $"{SocTime.Local(view.DueAt, view.TimeZone)} ({view.TimeZone.Id})"),
                    new AdaptiveFact("Overdue by", SocTime.Span(now - view.DueAt)),
                ],
            });
        }

        return new AdaptiveCard
        {
            FallbackText = $"Escalation: {overdue.Count} overdue SOC tasks",
            Body = body,
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        };
    }
}
