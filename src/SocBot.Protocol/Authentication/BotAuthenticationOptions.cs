namespace SocBot.Protocol.Authentication;

/// <summary>How inbound channel tokens are checked. Tests point <see cref="OpenIdMetadataUrl"/> at their own loopback keys.</summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "BotAuthentication";

    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The Bot Framework's issuer unless configured; configured issuers replace it (see <see cref="BotAuthenticationDefaults"/>).</summary>
    public static IReadOnlyList<string> BotFrameworkIssuers { get; } = ["https://api.botframework.com"];

    public List<string> ValidIssuers { get; set; } = [];

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Channel keys roll over; the documentation asks for a refresh at least daily.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown key id triggers a refresh, but no more often than this, so forged tokens cannot hammer the metadata endpoint.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most one refresh of the keys may take; the request that triggered it waits no longer.</summary>
    public TimeSpan KeyRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed refresh the cached keys stay in use and the next try waits this long, doubling up to <see cref="KeyRefreshRetryMax"/>.</summary>
    public TimeSpan KeyRefreshRetryMin { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeyRefreshRetryMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Service URLs trusted before any activity arrives (proactive posting right after a restart).</summary>
    public List<Uri> TrustedServiceUrls { get; set; } = [];
}
