namespace SocBot.Protocol.Authentication;

/// <summary>
/// The bot's identity, under the configuration names Azure Bot and Teams Toolkit already use (top-level keys).
/// No app id means authentication is off, which only a Development environment accepts.
/// </summary>
public sealed class BotCredentialsOptions
{
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
