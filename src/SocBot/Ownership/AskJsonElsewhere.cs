using System.Text.Json.Serialization;

namespace SocBot.Ownership;

internal sealed record AskJsonElsewhere(
    [property: JsonPropertyName("semanticScore")] double SemanticScore,
    [property: JsonPropertyName("semanticMatched")] string SemanticMatched);
