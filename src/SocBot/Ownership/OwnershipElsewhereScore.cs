namespace SocBot.Ownership;

/// <summary>The question's closest sentence about work done outside the SOC, and how similar it is.</summary>
public sealed record OwnershipElsewhereScore(double Similarity, string Sentence);
