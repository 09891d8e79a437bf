namespace SocBot.Catalog;

/// <summary>
/// Everything SocBot knows about the SOC: its teams (the roles matrix), the recurring maintenance tasks,
/// the org's schedule settings, the synonyms used to answer ownership questions, and where each entry came from.
/// Built by the loader or the importer after validation, so lookups can trust every reference.
/// </summary>
public sealed record SocCatalog(
    IReadOnlyList<SocTeam> Teams,
    IReadOnlyList<MaintenanceTask> Tasks,
    OrgSettings Settings,
    IReadOnlyList<SynonymEntry> Synonyms,
    IReadOnlyList<SourceDocument> Provenance)
{
    private readonly Dictionary<string, SocTeam> _teamsByName = IndexTeams(Teams);
    private readonly Dictionary<string, MaintenanceTask> _tasksById = Tasks
        .GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a team by its id, display name or one of its aliases, ignoring case.</summary>
    public SocTeam? FindTeam(string idOrAlias) => _teamsByName.GetValueOrDefault(idOrAlias.Trim());

    /// <summary>Finds a task by its id, ignoring case.</summary>
    public MaintenanceTask? FindTask(string taskId) => _tasksById.GetValueOrDefault(taskId.Trim());

    /// <summary>The teams that run a task: its owner, or every team for an All SOC Teams task.</summary>
    public IReadOnlyList<SocTeam> TeamsFor(MaintenanceTask task) =>
        task.AllTeams ? Teams : Teams.Where(t => t.Id == task.OwnerTeamId).ToList();

    /// <summary>The tasks a team runs, including the All SOC Teams tasks.</summary>
    public IReadOnlyList<MaintenanceTask> TasksFor(string teamId) =>
        Tasks.Where(t => t.AllTeams || string.Equals(t.OwnerTeamId, teamId, StringComparison.OrdinalIgnoreCase)).ToList();

    private static Dictionary<string, SocTeam> IndexTeams(IReadOnlyList<SocTeam> teams)
    {
        var index = new Dictionary<string, SocTeam>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in teams)
        {
            foreach (var name in team.Aliases.Prepend(team.DisplayName).Prepend(team.Id))
            {
                index.TryAdd(name, team);
            }
        }

        return index;
    }
}
