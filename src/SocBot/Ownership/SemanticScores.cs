namespace SocBot.Ownership;

/// <summary>
/// A question's similarity to each item (index order) and the number of the view that gave it; and its similarity to the
/// closest sentence about work done outside the SOC, with that sentence (-1 and null when there are none).
/// </summary>
public sealed record SemanticScores(IReadOnlyList<double> Similarity, IReadOnlyList<int> View, double Elsewhere = -1, string? ElsewhereSentence = null);
