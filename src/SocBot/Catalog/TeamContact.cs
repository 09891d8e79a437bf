namespace SocBot.Catalog;

/// <summary>A person to ask about a team's work.</summary>
public sealed record TeamContact(string Name, string? Email);
