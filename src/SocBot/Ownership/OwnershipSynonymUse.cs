namespace SocBot.Ownership;

/// <summary>A synonym that changed how a question was read: <paramref name="Written"/> was read as <paramref name="ReadAs"/>.</summary>
public sealed record OwnershipSynonymUse(string Written, string ReadAs);
