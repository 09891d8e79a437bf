namespace SocBot.State;

/// <summary>Where an occurrence stands. Completed and Skipped are final: the occurrence is resolved exactly once.</summary>
public enum OccurrenceState
{
    Open,
    Snoozed,
    Escalated,
    Completed,
    Skipped,
}
