namespace SocBot.Ownership;

/// <summary>
/// One item's rank for a question. <see cref="Coverage"/> is the share of the question's information (its terms weighted by
/// inverse document frequency) the item contains: a high score from one common word is not a confident match.
/// </summary>
internal readonly record struct ScoredItem(int ItemIndex, double Score, double Coverage);
