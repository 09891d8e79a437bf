namespace SocBot.Protocol.Hosting;

/// <summary>Limits on what /api/messages accepts, before any SOC logic sees it.</summary>
public sealed class BotAdapterOptions
{
    /// <summary>Teams' own message limits (about 100 KB for a bot message) make 256 KiB ample for any genuine activity.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>When not empty, activities from any other Entra tenant are refused with 403.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];
}
