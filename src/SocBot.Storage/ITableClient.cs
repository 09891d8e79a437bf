using Azure;

namespace SocBot.Storage;

/// <summary>
/// One table, shaped like Azure.Data.Tables' <c>TableClient</c> so a later swap to the SDK touches little.
/// Implemented over Azure.Data.Tables (<see cref="AzureTables.AzureTableClient"/>): conditional insert, ETag concurrency,
/// key-ordered paged queries with continuation, and partition transactions.
/// </summary>
public interface ITableClient
{
    string Name { get; }

    /// <summary>Creates the table unless it exists; safe to call from several processes at once.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    /// <summary>Inserts, returning the new ETag; throws <see cref="TableEntityAlreadyExistsException"/> when the key is taken.</summary>
    Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken);

    /// <summary>Inserts unless the key is taken: null means someone else holds the key. The basis of exactly-once claims.</summary>
    Task<ETag?> TryAddEntityAsync(TableEntity entity, CancellationToken cancellationToken);

    /// <summary>Inserts or overwrites without a condition.</summary>
    Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Updates an existing entity if its ETag still is <paramref name="ifMatch"/> (<see cref="ETag.All"/> only on purpose);
    /// throws <see cref="TableConcurrencyException"/> on a mismatch and a 404 <see cref="TableStorageException"/> when it is gone.
    /// </summary>
    Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken);

    /// <summary>Deletes if the ETag matches; returns false when there was nothing to delete.</summary>
    Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken);

    /// <summary>Returns the entity, or null when it does not exist.</summary>
    Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken);

    /// <summary>
    /// One page of at most <paramref name="maxPerPage"/> (≤ 1,000) entities in PartitionKey, RowKey order.
    /// Pages may be short or empty while a continuation token remains. Build filters with <see cref="TableFilter"/>.
    /// </summary>
    Task<TablePage> QueryPageAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Every entity matching the filter, following continuation tokens page by page.</summary>
    IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, CancellationToken cancellationToken);

    /// <summary>
    /// Runs up to 100 actions on one partition atomically, returning each action's new ETag (default for deletes);
    /// throws <see cref="TableTransactionFailedException"/> naming the failed action when any fails.
    /// </summary>
    Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken);
}
