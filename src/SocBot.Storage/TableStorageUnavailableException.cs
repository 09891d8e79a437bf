namespace SocBot.Storage;

/// <summary>
/// The store could not be reached or stayed busy after the retries: the outcome of the operation is unknown
/// for writes, so callers retry idempotently rather than assume failure.
/// </summary>
public sealed class TableStorageUnavailableException(int status, string message, Exception? innerException = null)
    : TableStorageException(status, TableErrorCode.ServiceUnavailable, message, innerException);
