namespace SocBot.Reminders;

/// <summary>How far an unresolved occurrence has gone past its due time; stored with the occurrence, advanced once each.</summary>
public static class EscalationStage
{
    public const int None = 0;

    /// <summary>The card was turned to "Overdue".</summary>
    public const int MarkedOverdue = 1;

    /// <summary>The team's contacts were mentioned in the card's thread.</summary>
    public const int ContactsNudged = 2;

    /// <summary>The escalation team's summary listed it.</summary>
    public const int Escalated = 3;
}
