namespace SocBot.Catalog;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded the SOC catalog from {Source}: {TeamCount} teams, {TaskCount} tasks")]
    public static partial void CatalogLoaded(ILogger logger, string source, int teamCount, int taskCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "The SOC catalog has {ErrorCount} error(s); SocBot cannot start:\n{Errors}")]
    public static partial void CatalogInvalid(ILogger logger, int errorCount, string errors);
}
