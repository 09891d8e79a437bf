using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocBot.Storage.AzureTables;

/// <summary>
/// A table in Azure Table Storage (or Azurite) over the REST API, sent through an Azure.Core <see cref="HttpPipeline"/>
/// for retries, logging and auth. Authenticates with the account key (SharedKeyLite) or a <see cref="TokenCredential"/>
/// (managed identity, scope https://storage.azure.com/.default).
/// </summary>
public sealed class AzureTableClient : ITableClient
{
    private const string StorageScope = "https://storage.azure.com/.default";
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private const int MaxPageSize = 1000;

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _serviceVersion;

    public AzureTableClient(TableConnectionString connection, string tableName, AzureTableClientOptions? options = null)
        : this(connection.TableEndpoint, tableName, options ?? new AzureTableClientOptions(), o => new SharedKeyLitePolicy(connection.AccountName, connection.AccountKey, o.TimeProvider))
    {
    }

    public AzureTableClient(Uri endpoint, string tableName, TokenCredential credential, AzureTableClientOptions? options = null)
        : this(endpoint, tableName, options ?? new AzureTableClientOptions(), _ => new BearerTokenAuthenticationPolicy(credential, StorageScope))
    {
    }

    private AzureTableClient(Uri endpoint, string tableName, AzureTableClientOptions options, Func<AzureTableClientOptions, HttpPipelinePolicy> auth)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        _serviceVersion = options.ServiceVersion;
        Name = tableName;
        _pipeline = HttpPipelineBuilder.Build(options, [], [auth(options)], new ResponseClassifier());
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Post, "Tables");
        SetJsonBody(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await SendAsync(message, "Create table", cancellationToken);
        if (response.Status is 201 or 204)
        {
            return;
        }

        var error = Failure(response, "Create table");
        if (error.ErrorCode != "TableAlreadyExists")
        {
            throw error;
        }
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken) =>
        await TryAddEntityAsync(entity, cancellationToken)
        ?? throw new TableEntityAlreadyExistsException($"Entity ({entity.PartitionKey}, {entity.RowKey}) already exists in table {Name}.");

    public async Task<ETag?> TryAddEntityAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        using var message = CreateMessage(RequestMethod.Post, Name);
        SetJsonBody(message, TableEntityJson.Serialize(entity, includeKeys: true));
        var response = await SendAsync(message, "Add entity", cancellationToken);
        if (response.Status is 201 or 204)
        {
            return response.Headers.ETag ?? default;
        }

        var error = Failure(response, "Add entity");
        return error is TableEntityAlreadyExistsException ? null : throw error;
    }

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteEntityAsync(entity, null, mode, "Upsert entity", cancellationToken);

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag it read, or ETag.All on purpose.", nameof(ifMatch));
        }

        return WriteEntityAsync(entity, ifMatch, mode, "Update entity", cancellationToken);
    }

    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateKey(partitionKey, "PartitionKey");
        TableEntityLimits.ValidateKey(rowKey, "RowKey");
        using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", (ifMatch == default ? ETag.All : ifMatch).ToString());
        var response = await SendAsync(message, "Delete entity", cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw Failure(response, "Delete entity"),
        };
    }

    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateKey(partitionKey, "PartitionKey");
        TableEntityLimits.ValidateKey(rowKey, "RowKey");
        using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        var response = await SendAsync(message, "Get entity", cancellationToken);
        if (response.Status == 404)
        {
            var error = Failure(response, "Get entity");
            return error.ErrorCode == TableErrorCode.ResourceNotFound ? null : throw error;
        }

        if (response.Status != 200)
        {
            throw Failure(response, "Get entity");
        }

        using var json = JsonDocument.Parse(response.Content);
        var entity = TableEntityJson.Deserialize(json.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    public async Task<TablePage> QueryPageAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, string? continuationToken, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, Name + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            uri.AppendQuery("$filter", filter, true);
        }

        if (select is { Count: > 0 })
        {
            uri.AppendQuery("$select", string.Join(',', new[] { "PartitionKey", "RowKey", "Timestamp" }.Concat(select).Distinct(StringComparer.Ordinal)), true);
        }

        uri.AppendQuery("$top", Math.Clamp(maxPerPage ?? MaxPageSize, 1, MaxPageSize).ToString(System.Globalization.CultureInfo.InvariantCulture), false);
        if (ContinuationToken.Parse(continuationToken) is { } next)
        {
            uri.AppendQuery("NextPartitionKey", next.PartitionKey, true);
            if (next.RowKey.Length > 0)
            {
                uri.AppendQuery("NextRowKey", next.RowKey, true);
            }
        }

        var response = await SendAsync(message, "Query entities", cancellationToken);
        if (response.Status != 200)
        {
            throw Failure(response, "Query entities");
        }

        using var json = JsonDocument.Parse(response.Content);
        var entities = json.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Deserialize(e)).ToList();
        string? token = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition))
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
            token = ContinuationToken.Format((nextPartition, nextRow ?? ""));
        }

        return new TablePage(entities, token);
    }

    public IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select, int? maxPerPage, CancellationToken cancellationToken) =>
        this.QueryAllPagesAsync(filter, select, maxPerPage, cancellationToken);

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        TransactionRules.Validate(actions);
        var batch = new TableBatchContent(_endpoint, Name, _serviceVersion);
        using var message = CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Write(actions));
        var response = await SendAsync(message, "Transaction", cancellationToken);
        if (response.Status != 202)
        {
            throw Failure(response, "Transaction");
        }

        var results = TableBatchContent.ParseResponse(response.Content.ToString());
        var failed = results.FindIndex(r => r.Status >= 300);
        if (failed >= 0)
        {
            var result = results[failed];
            var (code, detail) = ParseError(result.Body);
            var index = TableBatchContent.FailedIndex(detail) ?? failed;
            throw new TableTransactionFailedException(result.Status, code, index, $"Action {index} of the transaction on table {Name} failed with {result.Status} {code}: {detail}");
        }

        if (results.Count != actions.Count)
        {
            throw new TableStorageException(502, TableErrorCode.InvalidInput, $"The transaction reply on table {Name} held {results.Count} results for {actions.Count} actions.");
        }

        return results.Select(r => r.ETag).ToList();
    }

    private async Task<ETag> WriteEntityAsync(TableEntity entity, ETag? ifMatch, TableUpdateMode mode, string operation, CancellationToken cancellationToken)
    {
        TableEntityLimits.Validate(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Merge ? RequestMethod.Patch : RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        SetJsonBody(message, TableEntityJson.Serialize(entity, includeKeys: true));
        var response = await SendAsync(message, operation, cancellationToken);
        return response.Status == 204 ? response.Headers.ETag ?? default : throw Failure(response, operation);
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/", false);
        request.Uri.AppendPath(path, false);
        request.Headers.SetValue("x-ms-version", _serviceVersion);
        request.Headers.SetValue("Accept", JsonAccept);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonBody(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(body);
    }

    /// <summary>Keys are quoted, inner quotes doubled, then percent-encoded, as the service expects in an entity address.</summary>
    internal string EntityPath(string partitionKey, string rowKey) =>
        $"{Name}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    internal static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
            if (message.Response.Status is 408 or 429 or >= 500)
            {
                throw Failure(message.Response, operation);
            }

            return message.Response;
        }
        catch (RequestFailedException e)
        {
            throw Unreachable(operation, e.Status, e.Message, e);
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.Any(i => i is OperationCanceledException))
        {
            // The caller gave up while Azure.Core was retrying: it gathers that cancellation with the earlier attempts' failures.
            throw new OperationCanceledException($"{operation} on table {Name} was cancelled while retrying.", e, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException))
        {
            // Azure.Core's retry policy gathers the failure of every attempt.
            var last = (RequestFailedException)e.InnerExceptions[^1];
            throw Unreachable(operation, last.Status, $"{e.InnerExceptions.Count} attempts; last: {last.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TableStorageUnavailableException(408, $"{operation} on table {Name}: the table service at {_endpoint} did not answer in time.", e);
        }
    }

    private TableStorageUnavailableException Unreachable(string operation, int status, string detail, Exception inner) =>
        new(status, $"{operation} on table {Name}: the table service at {_endpoint} could not be reached ({detail}).", inner);

    private TableStorageException Failure(Response response, string operation)
    {
        var (code, detail) = ParseError(response.Content?.ToString());
        var message = $"{operation} on table {Name} failed with {response.Status} {code ?? response.ReasonPhrase}: {detail}";
        return response.Status switch
        {
            409 when code == TableErrorCode.EntityAlreadyExists => new TableEntityAlreadyExistsException(message),
            412 => new TableConcurrencyException(message),
            408 or 429 or >= 500 => new TableStorageUnavailableException(response.Status, message),
            _ => new TableStorageException(response.Status, code, message),
        };
    }

    /// <summary>Reads <c>{"odata.error":{"code","message":{"value"}}}</c>, dropping the RequestId/Time lines the service appends.</summary>
    private static (string? Code, string Detail) ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "(no body)");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var text = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
                return (code, text.Split('\n')[0]);
            }
        }
        catch (JsonException)
        {
        }

        return (null, body.Length > 300 ? body[..300] : body);
    }
}
