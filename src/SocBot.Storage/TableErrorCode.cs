namespace SocBot.Storage;

/// <summary>The error codes of the Table service that callers act on.</summary>
public static class TableErrorCode
{
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TableNotFound = "TableNotFound";
    public const string InvalidInput = "InvalidInput";
    public const string EntityTooLarge = "EntityTooLarge";
    public const string PropertyValueTooLarge = "PropertyValueTooLarge";
    public const string InvalidDuplicateRow = "InvalidDuplicateRow";
    public const string ServiceUnavailable = "ServiceUnavailable";
}
