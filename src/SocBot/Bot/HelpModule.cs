using System.Text;
using SocBot.Access;
using SocBot.Ownership;
using SocBot.Protocol.Hosting;

namespace SocBot.Bot;

/// <summary>
/// `help`: what the bot can do, from every module's entries, with the admin commands only for those who may use them.
/// Text no command takes and no ownership question matches gets "I didn't catch that" and the three closest commands.
/// </summary>
public sealed class HelpModule(IServiceProvider services, AccessPolicy access) : IBotModule
{
    private const int Suggestions = 3;

    public IEnumerable<HelpEntry> Help { get; } = [new("help", "this list"), new("help admin", "what the admin commands do", AdminOnly: true)];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("help", (turn, rest, ct) => ReplyAsync(turn, rest, ct));
    }

    /// <summary>
    /// Everyday commands one a line; for an admin, their own commands follow on one line, so the list people use daily
    /// stays short and comes first (`help admin` says what the admin commands do).
    /// </summary>
    public string HelpText(bool forAdmin)
    {
        var text = new StringBuilder("I'm **SocBot**: I remind each SOC team of its maintenance tasks, record who did them, and tell you who owns what. Say:\n\n");
        foreach (var entry in Entries(forAdmin: false).Where(e => e.Command != "help"))
        {
            AppendLine(text, entry);
        }

        if (forAdmin)
        {
            text.Append("\n**Admins**: ").AppendJoin(" · ", AdminEntries().Select(e => $"**{e.Usage}**")).Append('\n');
        }

        return text.Append("\nIn a channel or group chat, start with @SocBot. [optional] words may be left out.").ToString();
    }

    /// <summary>`help admin`: the admin commands with what each does.</summary>
    public string AdminHelpText()
    {
        var text = new StringBuilder("**Admin commands** (SOC admins, or anyone in SOC Oversight's channel):\n\n");
        foreach (var entry in AdminEntries())
        {
            AppendLine(text, entry);
        }

        return text.ToString();
    }

    /// <summary>The command words <paramref name="said"/> most likely meant, closest spelling first, then in help order.</summary>
    public IReadOnlyList<HelpEntry> Closest(string said, bool forAdmin)
    {
        var word = said.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? string.Empty;
        return Entries(forAdmin)
            .Select((entry, order) => (Entry: entry, Order: order, Distance: EditDistance.Bounded(word, entry.Command, 20)))
            .OrderBy(e => e.Distance)
            .ThenBy(e => e.Order)
            .Take(Suggestions)
            .Select(e => e.Entry)
            .ToList();
    }

    public Task ReplyAsync(ITurnContext turn, CancellationToken cancellationToken) => ReplyAsync(turn, string.Empty, cancellationToken);

    private async Task ReplyAsync(ITurnContext turn, string rest, CancellationToken cancellationToken)
    {
        var forAdmin = await access.MayAdministerAsync(turn.Activity, cancellationToken);
        var wantsAdmin = rest.Trim().Equals("admin", StringComparison.OrdinalIgnoreCase);
        await turn.SendActivityAsync(forAdmin && wantsAdmin ? AdminHelpText() : HelpText(forAdmin), cancellationToken);
    }

    public async Task DidNotCatchAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var closest = Closest(turn.Text, await access.MayAdministerAsync(turn.Activity, cancellationToken));
        var text = new StringBuilder("I didn't catch that. Did you mean:\n\n");
        foreach (var entry in closest)
        {
            AppendLine(text, entry);
        }

        await turn.SendActivityAsync(text.Append("\nSay **help** for everything I understand.").ToString(), cancellationToken);
    }

    private static void AppendLine(StringBuilder text, HelpEntry entry) =>
        text.Append("- **").Append(entry.Usage).Append("**: ").Append(entry.Description).Append('\n');

    private IEnumerable<HelpEntry> AdminEntries() => Entries(forAdmin: true).Where(e => e.AdminOnly).OrderBy(e => e.Command == "help");

    private IEnumerable<HelpEntry> Entries(bool forAdmin) =>
        services.GetServices<IBotModule>().SelectMany(m => m.Help).Where(e => forAdmin || !e.AdminOnly);
}
