using SocBot.Protocol.Hosting;

namespace SocBot.Bot;

/// <summary>A SOC feature's share of the bot: the routes it handles and the lines it adds to `help`.</summary>
public interface IBotModule
{
    IEnumerable<HelpEntry> Help { get; }

    void Register(ActivityRouter router);
}
