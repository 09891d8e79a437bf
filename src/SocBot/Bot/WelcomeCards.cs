using SocBot.Cards;
using SocBot.Catalog;

namespace SocBot.Bot;

/// <summary>The card SocBot introduces itself with when it is added to a team or a chat: what it does and the first step.</summary>
public static class WelcomeCards
{
    public static AdaptiveCard Welcome(SocCatalog catalog, string? teamName)
    {
        var where = teamName is null ? "here" : $"to {teamName}";
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = "Hi, I'm SocBot", Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock { Text = $"Thanks for adding me {where}. I keep your SOC's maintenance on schedule:", Wrap = true, Spacing = AdaptiveSpacing.None },
            Point("I post each due maintenance task as a card in the channel of the SOC team that owns it."),
            Point("The team completes, skips or snoozes it on the card, and I record who did what."),
            Point("Overdue work is escalated to SOC Oversight."),
            Point("Ask me **who owns ‹anything›?** and I answer from the SOC roles matrix."),
            new AdaptiveTextBlock { Text = "Getting started", Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium },
            new AdaptiveTextBlock
            {
                Text = "A SOC admin says **@SocBot link ‹team›** in the channel that should get a team's reminders, starting with SOC Oversight. "
                    + "Reminders due today are posted as soon as a channel is linked. The teams:",
                Wrap = true,
                Spacing = AdaptiveSpacing.None,
            },
            new AdaptiveFactSet { Facts = catalog.Teams.Select(t => new AdaptiveFact(t.Id, t.DisplayName)).ToList() },
            new AdaptiveTextBlock { Text = "Say **@SocBot help** for everything I understand.", Wrap = true, Spacing = AdaptiveSpacing.Medium },
        };
        return new AdaptiveCard
        {
            FallbackText = "Hi, I'm SocBot. A SOC admin says \"@SocBot link ‹team›\" in the channel that should get a team's reminders; say \"@SocBot help\" for everything I understand.",
            Body = body,
        };
    }

    /// <summary>One line of what SocBot does; a text block each, as card renderers differ on markdown lists.</summary>
    private static AdaptiveTextBlock Point(string text) => new() { Text = "• " + text, Wrap = true, Spacing = AdaptiveSpacing.Small };
}
