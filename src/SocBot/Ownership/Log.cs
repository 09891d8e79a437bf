using Microsoft.Extensions.Logging;

namespace SocBot.Ownership;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ownership index built: {ItemCount} items, {VocabularySize} words")]
    public static partial void OwnershipIndexBuilt(ILogger logger, int itemCount, int vocabularySize);

    // The question itself is not logged: people paste incident details into chat.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ownership question answered: {Kind}, {MatchCount} items matched")]
    public static partial void OwnershipAnswered(ILogger logger, OwnershipAnswerKind kind, int matchCount);
}
