namespace SocBot.Ownership;

/// <summary>
/// One candidate team's two scores for a question, as <c>ask --explain</c> shows them: the lexical (BM25F) score and the
/// share of the question's information its items hold; by meaning, the cosine similarity of its closest view and the
/// agreement (mean similarity of the closest views) of its best item, which orders the teams.
/// A score is null when that matcher found nothing of the team's (or did not run).
/// </summary>
public sealed record OwnershipTeamScore(
    string Team,
    double? Lexical,
    double? Coverage,
    double? Semantic,
    string? SemanticMatched,
    double? SemanticAgreement = null);
