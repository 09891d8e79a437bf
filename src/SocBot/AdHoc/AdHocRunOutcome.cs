namespace SocBot.AdHoc;

public enum AdHocRunOutcome
{
    /// <summary>The occurrence is claimed and its card posted.</summary>
    Posted,

    /// <summary>Neither the team nor SOC Oversight has a reachable channel; nothing was claimed.</summary>
    NoChannel,

    /// <summary>The occurrence is claimed but the connector refused the card; it shows in `due` and can be completed by text.</summary>
    PostFailed,
}
