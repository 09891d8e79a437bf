using SocBot.Catalog;

namespace SocBot.Reports;

/// <summary>What a task name found: one task (with the words after it), several that fit equally, or none.</summary>
public sealed record TaskLookupResult(TaskMatch? Match, IReadOnlyList<MaintenanceTask> Candidates)
{
    public static TaskLookupResult NotFound { get; } = new(null, []);

    public static TaskLookupResult Found(TaskMatch match) => new(match, [match.Task]);

    public static TaskLookupResult Ambiguous(IReadOnlyList<MaintenanceTask> candidates) => new(null, candidates);

    public bool IsAmbiguous => Match is null && Candidates.Count > 1;
}
