namespace SocBot.Ownership;

/// <summary>One ranked item as <c>ask --explain</c> shows it.</summary>
public sealed record OwnershipScoreLine(string Team, string Matched, OwnershipItemKind Kind, double Score, double Coverage);
