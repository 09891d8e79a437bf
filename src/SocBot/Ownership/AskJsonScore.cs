using System.Text.Json.Serialization;

namespace SocBot.Ownership;

internal sealed record AskJsonScore(
    [property: JsonPropertyName("team")] string Team,
    [property: JsonPropertyName("matched")] string Matched,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("coverage")] double Coverage);
