namespace SocBot.State;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "State store: {Kind} at {Location}")]
    public static partial void StoreSelected(ILogger logger, string kind, string location);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Created state table {Table} with layout version {Version}")]
    public static partial void SchemaCreated(ILogger logger, string table, int version);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Copied the SQLite state store {Path} to {Backup} before migrating it")]
    public static partial void SqliteBackedUp(ILogger logger, string path, string backup);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "SQLite state store {Path}: schema version {From} -> {To}")]
    public static partial void SqliteSchemaReady(ILogger logger, string path, int from, int to);
}
