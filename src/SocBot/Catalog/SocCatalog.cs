namespace SocBot.Catalog;

/// <summary>
/// Everything SocBot knows about the SOC: its teams (the roles matrix), the recurring maintenance tasks,
/// the org's schedule settings, the synonyms used to answer ownership questions, and where each entry came from.
/// Built by the loader or the importer after validation, so lookups can trust every reference. Lookups search the
/// lists each time (they are short) so that a copy made with <c>with</c> never answers from the original's entries.
/// </summary>
public sealed record SocCatalog(
    IReadOnlyList<SocTeam> Teams,
    IReadOnlyList<MaintenanceTask> Tasks,
    OrgSettings Settings,
    IReadOnlyList<SynonymEntry> Synonyms,
    IReadOnlyList<SourceDocument> Provenance)
{
    /// <summary>Finds a team by its id, display name or one of its aliases, ignoring case.</summary>
    public SocTeam? FindTeam(string idOrAlias)
    {
        var name = idOrAlias.Trim();
        return Teams.FirstOrDefault(t => string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase))
            ?? Teams.FirstOrDefault(t => t.Aliases.Prepend(t.DisplayName).Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Finds a task by its id, ignoring case.</summary>
    public MaintenanceTask? FindTask(string taskId) =>
        Tasks.FirstOrDefault(t => string.Equals(t.Id, taskId.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The teams that run a task: its owner, or every team for an All SOC Teams task.</summary>
    public IReadOnlyList<SocTeam> TeamsFor(MaintenanceTask task) =>
        task.AllTeams ? Teams : Teams.Where(t => t.Id == task.OwnerTeamId).ToList();

    /// <summary>The tasks a team runs, including the All SOC Teams tasks.</summary>
    public IReadOnlyList<MaintenanceTask> TasksFor(string teamId) =>
        Tasks.Where(t => t.AllTeams || string.Equals(t.OwnerTeamId, teamId, StringComparison.OrdinalIgnoreCase)).ToList();
}
