namespace SocBot.Ownership;

/// <summary>Someone to ask on an owning team; <paramref name="Address"/> is an e-mail or UPN when known.</summary>
public sealed record OwnershipContact(string Name, string? Address = null);
