namespace SocBot.Ownership;

/// <summary>Where a piece of ownership text comes from; each kind is a row or cell of the roles matrix or task catalog.</summary>
public enum OwnershipItemKind
{
    /// <summary>A team as a whole: its name, aliases and description.</summary>
    Team,

    /// <summary>One line of a team's roles and responsibilities.</summary>
    Responsibility,

    /// <summary>One of a team's Microsoft 365 Defender tasks.</summary>
    DefenderTask,

    /// <summary>A recurring maintenance task from the task catalog.</summary>
    MaintenanceTask,
}
