namespace SocBot.Catalog;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded the SOC catalog from {Source}: {TeamCount} teams, {TaskCount} tasks")]
    public static partial void CatalogLoaded(ILogger logger, string source, int teamCount, int taskCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "The SOC catalog has {ErrorCount} error(s); SocBot cannot start:\n{Errors}")]
    public static partial void CatalogInvalid(ILogger logger, int errorCount, string errors);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Reloaded the SOC catalog from {Source}: {TeamCount} teams, {TaskCount} tasks")]
    public static partial void CatalogReloaded(ILogger logger, string source, int teamCount, int taskCount);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Rejected the SOC catalog reloaded from {Source}; the previous catalog stays in force. {ErrorCount} error(s):\n{Errors}")]
    public static partial void CatalogReloadRejected(ILogger logger, string source, int errorCount, string errors);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Watching {Path} for catalog changes")]
    public static partial void WatchingCatalog(ILogger logger, string path);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Cannot watch {Path} for catalog changes; use the reload command after editing it")]
    public static partial void CannotWatchCatalog(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "The catalog file watcher for {Path} lost track of changes; reloading to catch up")]
    public static partial void CatalogWatchError(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Reloading the SOC catalog from {Path} after a change failed")]
    public static partial void CatalogReloadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Catalog reload requested in chat by {AadObjectId}")]
    public static partial void ReloadRequested(ILogger logger, string aadObjectId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Refused to reload the catalog for {AadObjectId}: not an admin")]
    public static partial void ReloadRefused(ILogger logger, string aadObjectId);
}
