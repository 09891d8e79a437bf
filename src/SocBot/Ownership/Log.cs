using Microsoft.Extensions.Logging;

namespace SocBot.Ownership;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ownership index built: {ItemCount} items, {VocabularySize} words")]
    public static partial void OwnershipIndexBuilt(ILogger logger, int itemCount, int vocabularySize);

    // The question itself is not logged: people paste incident details into chat.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ownership question answered: {Kind}, {MatchCount} items matched")]
    public static partial void OwnershipAnswered(ILogger logger, OwnershipAnswerKind kind, int matchCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ownership semantic index built: {ItemCount} items, {ViewCount} views in {ElapsedMilliseconds} ms")]
    public static partial void SemanticIndexBuilt(ILogger logger, int itemCount, int viewCount, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ownership semantic index could not be built; answers stay lexical until the catalog changes")]
    public static partial void SemanticIndexFailed(ILogger logger, Exception exception);
}
