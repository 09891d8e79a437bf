namespace SocBot.Ownership;

/// <summary>A question's similarity to each item (index order) and the number of the view that gave it.</summary>
public sealed record SemanticScores(IReadOnlyList<double> Similarity, IReadOnlyList<int> View);
