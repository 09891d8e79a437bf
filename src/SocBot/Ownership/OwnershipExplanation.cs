namespace SocBot.Ownership;

/// <summary>
/// How a question was read and scored, for the SOC lead tuning the catalog's wording and synonyms:
/// the words, spelling corrections, synonyms applied, the scored terms, the top items, each candidate team's lexical and
/// semantic scores, the closest work done outside the SOC, the rule that decided and why the answer was given.
/// </summary>
public sealed record OwnershipExplanation(
    IReadOnlyList<string> Words,
    IReadOnlyList<OwnershipCorrection> Corrections,
    IReadOnlyList<OwnershipSynonymUse> Synonyms,
    IReadOnlyList<string> Terms,
    IReadOnlyList<OwnershipScoreLine> TopScores,
    string Decision,
    IReadOnlyList<OwnershipTeamScore>? TeamScores = null,
    string Rule = OwnershipRules.Lexical,
    OwnershipElsewhereScore? Elsewhere = null);
