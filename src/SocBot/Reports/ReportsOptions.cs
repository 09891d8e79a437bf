namespace SocBot.Reports;

/// <summary>Where people reach the bot's web endpoints (section "SocBot").</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "SocBot";

    /// <summary>
    /// The bot's public https address (e.g. "https://socbot.contoso.com/"), used to link CSV exports. When unset, small
    /// exports are answered inline and large ones are refused.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The secret (base64, at least 32 bytes) that signs export download links; required with <see cref="PublicBaseUrl"/>,
    /// and the same on every instance so any of them accepts a link another made.
    /// </summary>
    public string? ExportLinkKey { get; set; }
}
