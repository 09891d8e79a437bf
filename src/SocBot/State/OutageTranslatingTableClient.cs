using System.Runtime.CompilerServices;
using Azure;
using SocBot.Storage;

namespace SocBot.State;

/// <summary>
/// Turns the table layer's outage errors into the store's one <see cref="StateStoreUnavailableException"/>, so features
/// never see a storage type. Refusals (conflicts, bad input) pass through: the store decides what they mean.
/// </summary>
internal sealed class OutageTranslatingTableClient : ITableClient
{
    private readonly ITableClient _inner;

    private OutageTranslatingTableClient(ITableClient inner) => _inner = inner;

    public string Name => _inner.Name;

    public static ITableClient Wrap(ITableClient table) =>
        table as OutageTranslatingTableClient ?? new OutageTranslatingTableClient(table);

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.CreateIfNotExistsAsync(cancellationToken));

    public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.AddEntityAsync(entity, cancellationToken));

    public Task<ETag?> TryAddEntityAsync(TableEntity entity, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.TryAddEntityAsync(entity, cancellationToken));

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.UpsertEntityAsync(entity, mode, cancellationToken));

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken));

    public Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken));

    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.GetEntityIfExistsAsync(partitionKey, rowKey, cancellationToken));

    public Task<TablePage> QueryPageAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.QueryPageAsync(filter, select, maxPerPage, continuationToken, cancellationToken));

    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, select, maxPerPage, continuation, cancellationToken);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.SubmitTransactionAsync(actions, cancellationToken));

    private async Task GuardAsync(Func<Task> operation) => await GuardAsync(async () =>
    {
        await operation();
        return true;
    });

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (TableStorageException e) when (e is TableStorageUnavailableException || e.Status is 408 or 429 or >= 500)
        {
            throw new StateStoreUnavailableException($"The state store (table {_inner.Name}) is unavailable: {e.Message}", e);
        }
    }
}
