using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>Buttons inside the body; Teams wants Action.Execute with its fallback here rather than in the card's actions.</summary>
public sealed record AdaptiveActionSet : AdaptiveElement
{
    [JsonPropertyName("actions")]
    public required IReadOnlyList<AdaptiveAction> Actions { get; init; }
}
