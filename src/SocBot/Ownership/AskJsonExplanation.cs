using System.Text.Json.Serialization;

namespace SocBot.Ownership;

internal sealed record AskJsonExplanation(
    [property: JsonPropertyName("words")] IReadOnlyList<string> Words,
    [property: JsonPropertyName("corrections")] IReadOnlyList<OwnershipCorrection> Corrections,
    [property: JsonPropertyName("synonyms")] IReadOnlyList<OwnershipSynonymUse> Synonyms,
    [property: JsonPropertyName("terms")] IReadOnlyList<string> Terms,
    [property: JsonPropertyName("topScores")] IReadOnlyList<AskJsonScore> TopScores,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("teamScores")] IReadOnlyList<AskJsonTeamScore>? TeamScores,
    [property: JsonPropertyName("elsewhere")] AskJsonElsewhere? Elsewhere);
