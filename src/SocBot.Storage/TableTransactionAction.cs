using Azure;

namespace SocBot.Storage;

/// <summary>
/// One operation of an entity group transaction. Updates and deletes send <see cref="ETag"/> as If-Match, else the entity's
/// own ETag (as read), and only when neither is set <see cref="ETag.All"/>, as Azure.Data.Tables does.
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default)
{
    internal ETag IfMatch => ETag != default ? ETag : Entity.ETag != default ? Entity.ETag : ETag.All;
}
