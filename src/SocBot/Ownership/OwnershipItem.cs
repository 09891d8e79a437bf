namespace SocBot.Ownership;

/// <summary>
/// One thing a team owns, as the ranking sees it: a responsibility, a Defender task or a maintenance task.
/// <paramref name="TeamId"/> is null for a task assigned to all SOC teams.
/// </summary>
public sealed record OwnershipItem(
    string Id,
    OwnershipItemKind Kind,
    string? TeamId,
    string Title,
    string? Description = null,
    string? Cadence = null);
