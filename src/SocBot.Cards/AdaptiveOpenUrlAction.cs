using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveOpenUrlAction : AdaptiveAction
{
    [JsonPropertyName("url")]
    public required Uri Url { get; init; }
}
