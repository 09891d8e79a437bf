using System.Text.Json.Nodes;

namespace SocBot.Cards.Tests;

/// <summary>Cards that use every part of the model, shaped like the reminder cards the bot sends.</summary>
internal static class SampleCards
{
    public static AdaptiveExecuteAction Complete(string occurrence) => new()
    {
        Title = "Mark complete",
        Verb = "complete",
        Data = new JsonObject { ["occurrence"] = occurrence },
        AssociatedInputs = AdaptiveAssociatedInputs.Auto,
        Fallback = AdaptiveFallback.ActionSubmit,
    };

    public static AdaptiveCard Everything()
    {
        var mention = TeamsMention.Of("29:1abc", "Ada Lovelace");
        return new AdaptiveCard
        {
            FallbackText = "Review Secure Score is due",
            Body =
            [
                new AdaptiveTextBlock
                {
                    Text = "Review Secure Score",
                    Size = AdaptiveTextSize.Large,
                    Weight = AdaptiveTextWeight.Bolder,
                    Style = AdaptiveTextBlockStyle.Heading,
                    Wrap = true,
                },
                new AdaptiveContainer
                {
                    Style = AdaptiveContainerStyle.Attention,
                    Items =
                    [
                        new AdaptiveTextBlock { Text = $"**Overdue** — {mention.Text}", Color = AdaptiveTextColor.Attention, Wrap = true },
                    ],
                },
                new AdaptiveFactSet
                {
                    Facts =
                    [
                        new AdaptiveFact("Team", "SOC Oversight"),
                        new AdaptiveFact("Cadence", "Weekly"),
                        new AdaptiveFact("Due", "Mon 5 Jan 09:00 (in 3 h)"),
                    ],
                },
                new AdaptiveColumnSet
                {
                    Columns =
                    [
                        new AdaptiveColumn { Width = AdaptiveColumn.WidthAuto, Items = [new AdaptiveTextBlock { Text = "Owner", IsSubtle = true }] },
                        new AdaptiveColumn { Width = AdaptiveColumn.WidthStretch, Items = [new AdaptiveTextBlock { Text = "Threat intel team" }] },
                    ],
                },
                new AdaptiveTextInput
                {
                    Id = "note",
                    Label = "Note",
                    Placeholder = "What did you find?",
                    IsMultiline = true,
                    MaxLength = 500,
                },
                new AdaptiveChoiceSetInput
                {
                    Id = "snooze",
                    Label = "Snooze",
                    Style = AdaptiveChoiceInputStyle.Compact,
                    Value = "1h",
                    Choices = [new AdaptiveChoice("1 hour", "1h"), new AdaptiveChoice("Until tomorrow", "tomorrow")],
                },
                new AdaptiveActionSet
                {
                    Actions =
                    [
                        Complete("weekly-secure-score|2026-01-05"),
                        new AdaptiveShowCardAction
                        {
                            Title = "Skip this time",
                            Card = new AdaptiveCard
                            {
                                Body =
                                [
                                    new AdaptiveTextInput
                                    {
                                        Id = "reason",
                                        Label = "Reason",
                                        IsRequired = true,
                                        ErrorMessage = "Say why it is skipped.",
                                    },
                                ],
                                Actions =
                                [
                                    new AdaptiveExecuteAction { Title = "Skip", Verb = "skip", Fallback = AdaptiveFallback.ActionSubmit },
                                ],
                            },
                        },
                    ],
                },
            ],
            Actions =
            [
                new AdaptiveOpenUrlAction { Title = "Runbook", Url = new Uri("https://contoso.example/runbooks/secure-score") },
                new AdaptiveSubmitAction { Title = "Snooze", Data = new JsonObject { ["verb"] = "snooze" } },
            ],
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = "refresh", Data = new JsonObject { ["occurrence"] = "weekly-secure-score|2026-01-05" } },
                UserIds = [],
            },
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth, Entities = [mention] },
        };
    }
}
