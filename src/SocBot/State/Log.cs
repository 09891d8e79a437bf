namespace SocBot.State;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "State store: {Kind} at {Location}")]
    public static partial void StoreSelected(ILogger logger, string kind, string location);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Created state table {Table} with layout version {Version}")]
    public static partial void SchemaCreated(ILogger logger, string table, int version);
}
