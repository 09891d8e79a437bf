using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Hosting;

/// <summary>One inbound activity and the ways to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>The message text with the bot's own @mention removed.</summary>
    string Text { get; }

    /// <summary>The service URL this turn's replies go to (trusted: it came on this authenticated activity).</summary>
    Uri ServiceUrl { get; }

    ConnectorClient Connector { get; }

    /// <summary>Replies in the activity's conversation (in a channel: in the message's thread).</summary>
    Task<ResourceResponse> SendActivityAsync(OutgoingActivity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string activityId, OutgoingActivity activity, CancellationToken cancellationToken);
}
