using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Hosting;

/// <summary>Handles one turn. An invoke's answer is returned as a value; other activities return null.</summary>
public interface IBot
{
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
