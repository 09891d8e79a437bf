namespace SocBot.Hosting;

/// <summary>
/// The website, privacy and terms pages the Teams app package links to (manifest websiteUrl, privacyUrl, termsOfUseUrl),
/// served by the bot itself so the links in the Teams store entry never lead nowhere.
/// </summary>
public static class AboutEndpoints
{
    private const string Website =
        "SocBot keeps a Security Operations Center's recurring maintenance on schedule in Microsoft Teams: reminders in each " +
        "SOC team's channel, completion from the card, escalation of overdue work, and answers to \"who owns X?\" from the SOC roles matrix.\n";

    private const string Privacy =
        "What SocBot stores, in your organization's own Azure Table Storage (or a local SQLite file): the Teams conversations it " +
        "is installed in (ids and service URL), which channel each SOC team uses, every reminder occurrence and its state, and an " +
        "audit log of each change with the Entra object id and display name of the person who made it, with the note, evidence or " +
        "reason they typed. It does not store other message text, and it sends nothing outside your tenant and the Bot Framework.\n";

    private const string Terms =
        "SocBot is operated by your organization's SOC. It reminds and records; the SOC teams remain responsible for the work.\n";

    public static IEndpointRouteBuilder MapAbout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Text(Website));
        endpoints.MapGet("/privacy", () => Results.Text(Privacy));
        endpoints.MapGet("/terms", () => Results.Text(Terms));
        return endpoints;
    }
}
