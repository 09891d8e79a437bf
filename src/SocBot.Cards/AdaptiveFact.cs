using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveFact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
