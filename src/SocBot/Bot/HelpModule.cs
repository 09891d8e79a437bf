using System.Text;
using SocBot.Protocol.Hosting;

namespace SocBot.Bot;

/// <summary>`help`: what the bot can do, from every module's entries. The ownership module answers with it when a message is neither a command nor a question.</summary>
public sealed class HelpModule(IServiceProvider services) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } = [new("help", "what I can do for your SOC")];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("help", (turn, _, ct) => ReplyAsync(turn, ct));
    }

    public string HelpText()
    {
        var text = new StringBuilder("I'm **SocBot**. I keep your SOC's maintenance on schedule and tell you who owns what. Say:\n\n");
        foreach (var entry in services.GetServices<IBotModule>().SelectMany(m => m.Help))
        {
            text.Append("- **").Append(entry.Usage).Append("**: ").Append(entry.Description).Append('\n');
        }

        return text.ToString();
    }

    public Task ReplyAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(HelpText(), cancellationToken);
}
