using System.Text.Json.Serialization;

namespace SocBot.Ownership;

/// <summary>
/// A candidate team's lexical score and coverage, and by meaning its closest similarity and its best item's agreement;
/// null (written, not left out, so a reader sees both scores side by side) where that matcher found nothing or did not run.
/// </summary>
internal sealed record AskJsonTeamScore(
    [property: JsonPropertyName("team")] string Team,
    [property: JsonPropertyName("lexicalScore"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LexicalScore,
    [property: JsonPropertyName("coverage"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Coverage,
    [property: JsonPropertyName("semanticScore"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SemanticScore,
    [property: JsonPropertyName("semanticAgreement"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SemanticAgreement,
    [property: JsonPropertyName("semanticMatched")] string? SemanticMatched);
