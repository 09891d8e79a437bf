namespace SocBot.Storage;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
    Delete,
}
