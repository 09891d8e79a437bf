namespace SocBot.Protocol.Authentication;

/// <summary>How inbound channel tokens are checked. Tests point <see cref="OpenIdMetadataUrl"/> at their own loopback keys.</summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "BotAuthentication";

    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Channel keys roll over; the documentation asks for a refresh at least daily.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown key id triggers a refresh, but no more often than this, so forged tokens cannot hammer the metadata endpoint.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Service URLs trusted before any activity arrives (proactive posting right after a restart).</summary>
    public List<Uri> TrustedServiceUrls { get; set; } = [];
}
