namespace SocBot.Storage;

/// <summary>
/// A table operation the service refused, shaped like Azure's <c>RequestFailedException</c>:
/// the HTTP status and the service's error code.
/// </summary>
public class TableStorageException : Exception
{
    public TableStorageException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string? ErrorCode { get; }
}
