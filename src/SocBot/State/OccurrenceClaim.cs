namespace SocBot.State;

/// <summary>
/// A request to own one occurrence before posting its reminder. <paramref name="OccurrenceKey"/> is the scheduler's opaque
/// key (e.g. "patch-review/monitoring/2026-W01"); team, task, period and due time are passed alongside so the store can
/// answer per-team and per-task queries without parsing it. <paramref name="ClaimId"/> tells a retried claim of ours from
/// someone else's.
/// </summary>
public sealed record OccurrenceClaim(
    string TenantId,
    string OccurrenceKey,
    string TeamId,
    string TaskId,
    string Period,
    DateTimeOffset DueAt,
    Guid ClaimId);
