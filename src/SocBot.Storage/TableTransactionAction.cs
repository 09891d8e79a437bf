using Azure;

namespace SocBot.Storage;

/// <summary>One operation of an entity group transaction. Updates and deletes use <see cref="ETag"/> as If-Match (default: <see cref="ETag.All"/>).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default)
{
    internal ETag IfMatch => ETag == default ? ETag.All : ETag;
}
