namespace SocBot.Storage;

/// <summary>An add found the key taken (409 EntityAlreadyExists): someone else claimed it first.</summary>
public sealed class TableEntityAlreadyExistsException(string message, Exception? innerException = null)
    : TableStorageException(409, TableErrorCode.EntityAlreadyExists, message, innerException);
