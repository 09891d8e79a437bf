using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record TeamsMentioned(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
