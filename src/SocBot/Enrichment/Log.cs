namespace SocBot.Enrichment;

internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Graph answered {Status} when reading {Kind}; the card goes without live data")]
    public static partial void GraphRefused(ILogger logger, Exception exception, LiveDataKind kind, int status);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Graph did not answer within {Timeout} when reading {Kind}; the card goes without live data")]
    public static partial void GraphTimedOut(ILogger logger, LiveDataKind kind, TimeSpan timeout);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Reading {Kind} from Graph failed; the card goes without live data")]
    public static partial void GraphFailed(ILogger logger, Exception exception, LiveDataKind kind);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Graph returned nothing to show for {Kind}")]
    public static partial void GraphEmpty(ILogger logger, LiveDataKind kind);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Debug, Message = "Read {Kind} from Graph: {FactCount} facts")]
    public static partial void GraphRead(ILogger logger, LiveDataKind kind, int factCount);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Graph did not answer within {Timeout} when looking in channel {ChannelId} for an interrupted post; it is posted again")]
    public static partial void PostedCardLookupTimedOut(ILogger logger, string channelId, TimeSpan timeout);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "Looking in channel {ChannelId} through Graph for an interrupted post failed; it is posted again")]
    public static partial void PostedCardLookupFailed(ILogger logger, Exception exception, string channelId);
}
