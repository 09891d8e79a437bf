namespace SocBot.Storage;

/// <summary>The service's rules for an entity group transaction, checked before anything is sent or written.</summary>
internal static class TransactionRules
{
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > TableEntityLimits.MaxBatchActions)
        {
            throw new TableStorageException(400, TableErrorCode.InvalidInput, $"A transaction holds 1 to {TableEntityLimits.MaxBatchActions} actions, not {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            if (entity.PartitionKey != partition)
            {
                throw new TableTransactionFailedException(400, TableErrorCode.InvalidInput, i, $"Action {i} is for partition '{entity.PartitionKey}', not '{partition}': a transaction stays in one partition.");
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new TableTransactionFailedException(400, TableErrorCode.InvalidDuplicateRow, i, $"Action {i} touches row '{entity.RowKey}' a second time; a transaction names each entity once.");
            }

            if (actions[i].ActionType != TableTransactionActionType.Delete)
            {
                TableEntityLimits.Validate(entity);
            }
        }
    }
}
