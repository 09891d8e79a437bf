namespace SocBot.Storage;

/// <summary>An update or delete whose If-Match ETag no longer matched (412): re-read and decide again.</summary>
public sealed class TableConcurrencyException(string message, Exception? innerException = null)
    : TableStorageException(412, TableErrorCode.UpdateConditionNotSatisfied, message, innerException);
