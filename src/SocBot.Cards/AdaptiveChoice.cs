using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveChoice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
