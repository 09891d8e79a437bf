namespace SocBot.State;

/// <summary>One state change, appended and never rewritten. <see cref="OccurrenceKey"/> is null for channel binding changes.</summary>
public sealed record AuditEntry(
    string TenantId,
    string? TeamId,
    string? OccurrenceKey,
    string Action,
    Actor By,
    DateTimeOffset At,
    string? Detail);
