namespace SocBot.Ownership;

/// <summary>A SOC team as ownership answers present it.</summary>
public sealed record OwnershipTeam(
    string Id,
    string DisplayName,
    IReadOnlyList<string> Aliases,
    string? Description = null,
    OwnershipChannel? Channel = null,
    IReadOnlyList<OwnershipContact>? Contacts = null);
