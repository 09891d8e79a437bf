namespace SocBot.Ownership;

public enum OwnershipAnswerKind
{
    /// <summary>One team (or every SOC team) owns it.</summary>
    Owner,

    /// <summary>Two or more teams own parts of it; the answer names each with what it does.</summary>
    Ambiguous,

    /// <summary>"What does &lt;team&gt; do": the team's responsibilities and tasks.</summary>
    TeamProfile,

    /// <summary>Below the confidence threshold: no owner is named, only suggestions.</summary>
    Unknown,
}
