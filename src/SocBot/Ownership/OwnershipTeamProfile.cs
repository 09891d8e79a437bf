namespace SocBot.Ownership;

/// <summary>What a team does: its responsibilities, Defender tasks and maintenance tasks (including those of every team).</summary>
public sealed record OwnershipTeamProfile(OwnershipTeam Team, IReadOnlyList<OwnershipItem> Items);
