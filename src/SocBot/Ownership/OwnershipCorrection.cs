namespace SocBot.Ownership;

/// <summary>A word of the question not known to the catalog, read as the nearest catalog word within a small edit distance.</summary>
public sealed record OwnershipCorrection(string Written, string ReadAs, int Distance);
