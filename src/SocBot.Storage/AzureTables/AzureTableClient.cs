using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Sdk = Azure.Data.Tables;

namespace SocBot.Storage.AzureTables;

/// <summary>
/// A table in Azure Table Storage (or Azurite) through the official Azure.Data.Tables SDK, authenticated with the account
/// key or a <see cref="TokenCredential"/> (managed identity). Turns the SDK's failures into this library's outcomes: a
/// taken key, a lost ETag race, a failed transaction action, or the service being unavailable.
/// </summary>
public sealed class AzureTableClient : ITableClient
{
    private static readonly HashSet<string> SystemProperties = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    private readonly TableClient _client;
    private readonly Uri _endpoint;

    public AzureTableClient(TableConnectionString connection, string tableName, AzureTableClientOptions? options = null)
        : this(connection.TableEndpoint, tableName, options, (e, n, o) => new TableClient(e, n, new TableSharedKeyCredential(connection.AccountName, connection.AccountKey), o))
    {
    }

    public AzureTableClient(Uri endpoint, string tableName, TokenCredential credential, AzureTableClientOptions? options = null)
        : this(endpoint, tableName, options, (e, n, o) => new TableClient(e, n, credential, o))
    {
    }

    private AzureTableClient(Uri endpoint, string tableName, AzureTableClientOptions? options, Func<Uri, string, TableClientOptions, TableClient> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _endpoint = endpoint;
        Name = tableName;
        _client = create(endpoint, tableName, options ?? new AzureTableClientOptions());
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        SendAsync("Create table", () => _client.CreateIfNotExistsAsync(cancellationToken), cancellationToken);

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken) =>
        await TryAddEntityAsync(entity, cancellationToken)
        ?? throw new TableEntityAlreadyExistsException($"Entity ({entity.PartitionKey}, {entity.RowKey}) already exists in table {Name}.");

    public async Task<ETag?> TryAddEntityAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        try
        {
            var response = await SendAsync("Add entity", () => _client.AddEntityAsync(ToSdk(entity), cancellationToken), cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (TableEntityAlreadyExistsException)
        {
            return null;
        }
    }

    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        var response = await SendAsync("Upsert entity", () => _client.UpsertEntityAsync(ToSdk(entity), Mode(mode), cancellationToken), cancellationToken);
        return response.Headers.ETag ?? default;
    }

    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag it read, or ETag.All on purpose.", nameof(ifMatch));
        }

        TableEntityLimits.Validate(entity);
        var response = await SendAsync("Update entity", () => _client.UpdateEntityAsync(ToSdk(entity), ifMatch, Mode(mode), cancellationToken), cancellationToken);
        return response.Headers.ETag ?? default;
    }

    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync("Delete entity", () => _client.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken), cancellationToken);
            return response.Status != 404;
        }
        catch (TableStorageException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await SendAsync("Get entity", () => _client.GetEntityIfExistsAsync<Sdk.TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken), cancellationToken);
        return response.HasValue ? FromSdk(response.Value!) : null;
    }

    public Task<TablePage> QueryPageAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken) =>
        SendAsync(
            "Query entities",
            async () =>
            {
                var pages = _client.QueryAsync<Sdk.TableEntity>(string.IsNullOrWhiteSpace(filter) ? null : filter, maxPerPage, select is { Count: > 0 } ? select : null, cancellationToken)
                    .AsPages(continuationToken, maxPerPage);
                await foreach (var page in pages.WithCancellation(cancellationToken))
                {
                    return new TablePage(page.Values.Select(FromSdk).ToList(), page.ContinuationToken);
                }

                return new TablePage([], null);
            },
            cancellationToken);

    public IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, CancellationToken cancellationToken) =>
        this.QueryAllPagesAsync(filter, select, maxPerPage, cancellationToken);

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        TransactionRules.Validate(actions);
        var batch = actions.Select(a => new Sdk.TableTransactionAction(Type(a.ActionType), ToSdk(a.Entity), a.IfMatch)).ToList();
        try
        {
            var response = await SendAsync("Transaction", () => _client.SubmitTransactionAsync(batch, cancellationToken), cancellationToken);
            return response.Value.Select(r => r.Headers.ETag ?? default).ToList();
        }
        catch (TableStorageException e) when (e is not TableStorageUnavailableException && e.InnerException is Sdk.TableTransactionFailedException failed)
        {
            throw new TableTransactionFailedException(e.Status, e.ErrorCode, failed.FailedTransactionActionIndex ?? 0, e.Message, failed);
        }
    }

    private async Task<T> SendAsync<T>(string operation, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (RequestFailedException e)
        {
            throw Failure(operation, e.Status, e.ErrorCode, e.Message.Split('\n')[0], e);
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.Any(i => i is OperationCanceledException))
        {
            // The caller gave up while Azure.Core was retrying: it gathers that cancellation with the earlier attempts' failures.
            throw new OperationCanceledException($"{operation} on table {Name} was cancelled while retrying.", e, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException))
        {
            // The SDK's retry policy gathers the failure of every attempt.
            var last = (RequestFailedException)e.InnerExceptions[^1];
            throw new TableStorageUnavailableException(last.Status, $"{operation} on table {Name}: the table service at {_endpoint} could not be reached ({e.InnerExceptions.Count} attempts; last: {last.Message.Split('\n')[0]}).", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TableStorageUnavailableException(408, $"{operation} on table {Name}: the table service at {_endpoint} did not answer in time.", e);
        }
    }

    private TableStorageException Failure(string operation, int status, string? code, string detail, Exception inner)
    {
        var message = $"{operation} on table {Name} failed with {status} {code}: {detail}";
        return status switch
        {
            409 when code == TableErrorCode.EntityAlreadyExists => new TableEntityAlreadyExistsException(message, inner),
            412 => new TableConcurrencyException(message, inner),
            0 => new TableStorageUnavailableException(0, $"{operation} on table {Name}: the table service at {_endpoint} could not be reached ({detail}).", inner),
            408 or 429 or >= 500 => new TableStorageUnavailableException(status, message, inner),
            _ => new TableStorageException(status, code, message, inner),
        };
    }

    private static Sdk.TableEntity ToSdk(TableEntity entity)
    {
        var sdk = new Sdk.TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity)
        {
            sdk[name] = value;
        }

        if (entity.ETag != default)
        {
            sdk.ETag = entity.ETag;
        }

        return sdk;
    }

    private static TableEntity FromSdk(Sdk.TableEntity sdk)
    {
        var entity = new TableEntity(sdk.PartitionKey, sdk.RowKey) { ETag = sdk.ETag, Timestamp = sdk.Timestamp };
        foreach (var (name, value) in sdk)
        {
            if (!SystemProperties.Contains(name) && !name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                entity[name] = value is BinaryData binary ? binary.ToArray() : value;
            }
        }

        return entity;
    }

    private static Sdk.TableUpdateMode Mode(TableUpdateMode mode) =>
        mode == TableUpdateMode.Merge ? Sdk.TableUpdateMode.Merge : Sdk.TableUpdateMode.Replace;

    private static Sdk.TableTransactionActionType Type(TableTransactionActionType type) => type switch
    {
        TableTransactionActionType.Add => Sdk.TableTransactionActionType.Add,
        TableTransactionActionType.UpdateMerge => Sdk.TableTransactionActionType.UpdateMerge,
        TableTransactionActionType.UpdateReplace => Sdk.TableTransactionActionType.UpdateReplace,
        TableTransactionActionType.UpsertMerge => Sdk.TableTransactionActionType.UpsertMerge,
        TableTransactionActionType.UpsertReplace => Sdk.TableTransactionActionType.UpsertReplace,
        TableTransactionActionType.Delete => Sdk.TableTransactionActionType.Delete,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown transaction action."),
    };
}
