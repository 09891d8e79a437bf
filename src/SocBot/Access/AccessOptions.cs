namespace SocBot.Access;

/// <summary>Who may change the bot's wiring (section "SocBot"): Entra object ids of SOC admins.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "SocBot";

    /// <summary>May bind channels and act on any occurrence, in addition to members of SOC Oversight's channel.</summary>
    public List<string> AdminObjectIds { get; set; } = [];
}
