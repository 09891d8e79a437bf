using System.Text.Json.Serialization;

namespace SocBot.Ownership;

/// <summary>A candidate team's lexical score and coverage and its similarity by meaning; null where that matcher found nothing or did not run.</summary>
internal sealed record AskJsonTeamScore(
    [property: JsonPropertyName("team")] string Team,
    [property: JsonPropertyName("lexicalScore")] double? LexicalScore,
    [property: JsonPropertyName("coverage")] double? Coverage,
    [property: JsonPropertyName("semanticScore")] double? SemanticScore,
    [property: JsonPropertyName("semanticMatched")] string? SemanticMatched);
