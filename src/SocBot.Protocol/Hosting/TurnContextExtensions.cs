using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Hosting;

public static class TurnContextExtensions
{
    /// <summary>Replies with a markdown text message, as the SDK's SendActivityAsync(string) does.</summary>
    public static Task<ResourceResponse> SendActivityAsync(this ITurnContext turn, string markdown, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(OutgoingActivity.FromText(markdown), cancellationToken);
}
