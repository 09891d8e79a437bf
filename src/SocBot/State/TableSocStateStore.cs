using System.Collections.Concurrent;
using Azure;
using SocBot.Conversations;
using SocBot.Storage;

namespace SocBot.State;

/// <summary>
/// <see cref="ISocStateStore"/> over any <see cref="ITableClient"/> (Azure Table Storage or SQLite); the layout is in
/// <see cref="StateKeys"/>. Exactly-once comes from the table's conditional insert and ETags, never from a lock in this
/// process, so the web host and CLI verbs (or several instances) can share the store.
/// </summary>
public sealed partial class TableSocStateStore(ITableClient table, StateSchema schema, TimeProvider time) : ISocStateStore
{
    private const int MaxConcurrencyRetries = 20;

    private readonly ITableClient table = OutageTranslatingTableClient.Wrap(table);

    /// <summary>Tenants this process has registered already: conversation references are saved on every activity.</summary>
    private readonly ConcurrentDictionary<string, bool> _registeredTenants = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var filter = TableFilter.Create($"PartitionKey eq {StateKeys.MetaPartition}") + " and " + TableFilter.StartsWith("RowKey", StateKeys.TenantPrefix);
        return await table.QueryAsync(filter, ["TenantId"], null, cancellationToken)
            .Select(e => e.GetString("TenantId") ?? "")
            .ToListAsync(cancellationToken);
    }

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await RegisterTenantAsync(reference.TenantId, cancellationToken);
        var entity = new TableEntity(StateKeys.ConversationPartition(reference.TenantId), StateKeys.ConversationRow(reference.ConversationId))
        {
            ["TenantId"] = reference.TenantId,
            ["ConversationId"] = reference.ConversationId,
            ["ConversationType"] = reference.ConversationType,
            ["ServiceUrl"] = reference.ServiceUrl.AbsoluteUri,
            ["TeamId"] = reference.TeamId,
            ["TeamName"] = reference.TeamName,
            ["ChannelId"] = reference.ChannelId,
            ["ChannelName"] = reference.ChannelName,
            ["BotId"] = reference.BotId,
            ["UpdatedAt"] = reference.UpdatedAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(StateKeys.ConversationPartition(tenantId), StateKeys.ConversationRow(conversationId), cancellationToken);
        return entity is null ? null : ToConversationReference(entity);
    }

    public async Task RemoveAsync(string tenantId, string conversationOrTeamId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var filter = TableFilter.Create($"PartitionKey eq {StateKeys.ConversationPartition(tenantId)} and (ConversationId eq {conversationOrTeamId} or TeamId eq {conversationOrTeamId})");
        await foreach (var entity in table.QueryAsync(filter, null, null, cancellationToken))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var filter = TableFilter.Create($"PartitionKey eq {StateKeys.ConversationPartition(tenantId)}");
        var references = await table.QueryAsync(filter, null, null, cancellationToken).Select(ToConversationReference).ToListAsync(cancellationToken);
        return references.OrderBy(r => r.ConversationId, StringComparer.Ordinal).ToList();
    }

    public async Task RecordHeartbeatAsync(Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var entity = new TableEntity(StateKeys.MetaPartition, StateKeys.HeartbeatRow)
            {
                ["LastPassCompletedAt"] = heartbeat.LastPassCompletedAt,
                ["Instance"] = heartbeat.Instance,
            };
            var existing = await table.GetEntityIfExistsAsync(StateKeys.MetaPartition, StateKeys.HeartbeatRow, cancellationToken);
            if (existing is null)
            {
                if (await table.TryAddEntityAsync(entity, cancellationToken) is not null)
                {
                    return;
                }

                continue;
            }

            if (existing.GetDateTimeOffset("LastPassCompletedAt") >= heartbeat.LastPassCompletedAt)
            {
                return;
            }

            try
            {
                await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (TableConcurrencyException)
            {
            }
        }

        throw new TableConcurrencyException($"The heartbeat kept changing under {MaxConcurrencyRetries} attempts to move it to {heartbeat.LastPassCompletedAt:O}.");
    }

    public async Task<Heartbeat?> GetHeartbeatAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(StateKeys.MetaPartition, StateKeys.HeartbeatRow, cancellationToken);
        return entity is null ? null : new Heartbeat(entity.GetDateTimeOffset("LastPassCompletedAt") ?? DateTimeOffset.MinValue, entity.GetString("Instance") ?? "");
    }

    /// <summary>Written before the tenant's first reference or binding, so a listed tenant is never missing its data's registration.</summary>
    private async Task RegisterTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (_registeredTenants.ContainsKey(tenantId))
        {
            return;
        }

        var entity = new TableEntity(StateKeys.MetaPartition, StateKeys.TenantRow(tenantId)) { ["TenantId"] = tenantId };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        _registeredTenants[tenantId] = true;
    }

    private TableTransactionAction AuditAction(string partitionKey, AuditEntry entry) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, StateKeys.AuditRow(entry.At, Guid.NewGuid()))
        {
            ["TenantId"] = entry.TenantId,
            ["TeamId"] = entry.TeamId,
            ["OccurrenceKey"] = entry.OccurrenceKey,
            ["Action"] = entry.Action,
            ["ByAadObjectId"] = entry.By.AadObjectId,
            ["ByName"] = entry.By.Name,
            ["At"] = entry.At,
            ["Detail"] = entry.Detail,
        });

    private static AuditEntry ToAuditEntry(TableEntity entity) => new(
        entity.GetString("TenantId") ?? "",
        entity.GetString("TeamId"),
        entity.GetString("OccurrenceKey"),
        entity.GetString("Action") ?? "",
        new Actor(entity.GetString("ByAadObjectId") ?? "", entity.GetString("ByName") ?? ""),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("Detail"));

    private static ConversationReference ToConversationReference(TableEntity entity) => new(
        entity.GetString("TenantId") ?? "",
        entity.GetString("ConversationId") ?? "",
        entity.GetString("ConversationType") ?? "",
        new Uri(entity.GetString("ServiceUrl") ?? throw new InvalidDataException($"Conversation reference {entity.RowKey} has no ServiceUrl.")),
        entity.GetString("TeamId"),
        entity.GetString("TeamName"),
        entity.GetString("ChannelId"),
        entity.GetString("ChannelName"),
        entity.GetString("BotId") ?? "",
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
