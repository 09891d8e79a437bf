namespace SocBot.Ownership;

/// <summary>
/// A team and the responsibility or task of theirs that matched, with its BM25F score.
/// <paramref name="Team"/> is null for a task every SOC team runs.
/// </summary>
public sealed record OwnershipMatch(OwnershipTeam? Team, OwnershipItem Item, double Score)
{
    public const string EveryTeamName = "Every SOC team";

    public string TeamName => Team?.DisplayName ?? EveryTeamName;

    public bool EveryTeam => Team is null;
}
