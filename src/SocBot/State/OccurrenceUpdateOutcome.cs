namespace SocBot.State;

public enum OccurrenceUpdateOutcome
{
    /// <summary>This call made the change.</summary>
    Applied,

    /// <summary>The occurrence was already completed or skipped (by this caller or another); nothing changed.</summary>
    AlreadyResolved,

    /// <summary>No such occurrence was ever claimed.</summary>
    NotFound,

    /// <summary>The occurrence was not in the state the change starts from (e.g. not snoozed, another escalation stage); nothing changed.</summary>
    Unchanged,
}
