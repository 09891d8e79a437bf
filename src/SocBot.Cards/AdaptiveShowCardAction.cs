using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>Unfolds a nested card under the button, typically a small form (a note, a reason) with its own submit.</summary>
public sealed record AdaptiveShowCardAction : AdaptiveAction
{
    [JsonPropertyName("card")]
    public required AdaptiveCard Card { get; init; }
}
