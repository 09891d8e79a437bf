namespace SocBot.Ownership;

/// <summary>
/// A question's similarity to each item (index order): its closest view's (<see cref="Similarity"/>, with that view's
/// number), and the mean over its few closest views (<see cref="Agreement"/>); and its similarity to the closest sentence
/// about work done outside the SOC, with that sentence (-1 and null when there are none).
/// </summary>
public sealed record SemanticScores(
    IReadOnlyList<double> Similarity,
    IReadOnlyList<int> View,
    IReadOnlyList<double> Agreement,
    double Elsewhere = -1,
    string? ElsewhereSentence = null);
