namespace SocBot.Ownership;

/// <summary>
/// One candidate team's two scores for a question, as <c>ask --explain</c> shows them: the lexical (BM25F) score and the
/// share of the question's information its items hold, and the cosine similarity of its closest item by meaning.
/// A score is null when that matcher found nothing of the team's (or did not run).
/// </summary>
public sealed record OwnershipTeamScore(
    string Team,
    double? Lexical,
    double? Coverage,
    double? Semantic,
    string? SemanticMatched);
