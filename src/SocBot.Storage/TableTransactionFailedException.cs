namespace SocBot.Storage;

/// <summary>A transaction was rolled back because one action failed; <see cref="FailedActionIndex"/> says which.</summary>
public sealed class TableTransactionFailedException(int status, string? errorCode, int failedActionIndex, string message, Exception? innerException = null)
    : TableStorageException(status, errorCode, message, innerException)
{
    public int FailedActionIndex { get; } = failedActionIndex;
}
