namespace SocBot.Bot;

/// <summary>
/// One line of the help text: how to say it, and what it does for the SOC. Placeholders are written ‹like this›: Teams
/// reads a message as HTML-flavoured markdown, where &lt;team&gt; is a tag that vanishes.
/// </summary>
/// <param name="AdminOnly">Shown only to people who may use it (SOC admins, or anyone speaking in SOC Oversight's channel).</param>
public sealed record HelpEntry(string Usage, string Description, bool AdminOnly = false)
{
    /// <summary>The word that starts the command ("complete" of "complete ‹task› [note]").</summary>
    public string Command => Usage.Split(' ', 2)[0].TrimEnd('?');
}
