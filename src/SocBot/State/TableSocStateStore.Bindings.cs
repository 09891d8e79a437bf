using Azure;
using SocBot.Storage;

namespace SocBot.State;

public sealed partial class TableSocStateStore
{
    public async Task UpsertChannelBindingAsync(TeamChannelBinding binding, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await RegisterTenantAsync(binding.TenantId, cancellationToken);
        var partition = StateKeys.BindingPartition(binding.TenantId);
        var entity = new TableEntity(partition, StateKeys.BindingRow(binding.TeamId))
        {
            ["TenantId"] = binding.TenantId,
            ["TeamId"] = binding.TeamId,
            ["ConversationId"] = binding.ConversationId,
            ["TeamsTeamId"] = binding.TeamsTeamId,
            ["ChannelName"] = binding.ChannelName,
            ["BoundByAadObjectId"] = binding.BoundBy.AadObjectId,
            ["BoundByName"] = binding.BoundBy.Name,
            ["BoundAt"] = binding.BoundAt,
        };
        var audit = new AuditEntry(binding.TenantId, binding.TeamId, null, AuditActions.ChannelBound, binding.BoundBy, time.GetUtcNow(), binding.ConversationId);
        await table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpsertReplace, entity), AuditAction(partition, audit)],
            cancellationToken);
    }

    public async Task<TeamChannelBinding?> GetChannelBindingAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(StateKeys.BindingPartition(tenantId), StateKeys.BindingRow(teamId), cancellationToken);
        return entity is null ? null : ToBinding(entity);
    }

    public async Task<IReadOnlyList<TeamChannelBinding>> ListChannelBindingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var filter = TableFilter.Create($"PartitionKey eq {StateKeys.BindingPartition(tenantId)}") + " and " + TableFilter.StartsWith("RowKey", StateKeys.BindingPrefix);
        return await table.QueryAsync(filter, null, null, cancellationToken).Select(ToBinding).ToListAsync(cancellationToken);
    }

    public async Task<bool> RemoveChannelBindingAsync(string tenantId, string teamId, Actor by, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var partition = StateKeys.BindingPartition(tenantId);
        var existing = await table.GetEntityIfExistsAsync(partition, StateKeys.BindingRow(teamId), cancellationToken);
        if (existing is null)
        {
            return false;
        }

        var audit = new AuditEntry(tenantId, teamId, null, AuditActions.ChannelUnbound, by, time.GetUtcNow(), existing.GetString("ConversationId"));
        try
        {
            await table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Delete, existing, ETag.All), AuditAction(partition, audit)],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedActionIndex == 0)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, string? teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var partition = teamId is null ? StateKeys.BindingPartition(tenantId) : StateKeys.OccurrencePartition(tenantId, teamId);
        var filter = TableFilter.Create($"PartitionKey eq {partition} and RowKey ge {StateKeys.AuditBound(from)} and RowKey lt {StateKeys.AuditBound(to)}");
        var entries = await table.QueryAsync(filter, null, null, cancellationToken).Select(ToAuditEntry).ToListAsync(cancellationToken);
        if (teamId is null)
        {
            return entries;
        }

        // Binding changes of this team live in the tenant's binding partition; the team's audit trail includes them.
        var bindingFilter = TableFilter.Create($"PartitionKey eq {StateKeys.BindingPartition(tenantId)} and RowKey ge {StateKeys.AuditBound(from)} and RowKey lt {StateKeys.AuditBound(to)} and TeamId eq {teamId}");
        var bindingEntries = await table.QueryAsync(bindingFilter, null, null, cancellationToken).Select(ToAuditEntry).ToListAsync(cancellationToken);
        return entries.Concat(bindingEntries).OrderBy(e => e.At).ToList();
    }

    private static TeamChannelBinding ToBinding(TableEntity entity) => new(
        entity.GetString("TenantId") ?? "",
        entity.GetString("TeamId") ?? "",
        entity.GetString("ConversationId") ?? "",
        entity.GetString("TeamsTeamId"),
        entity.GetString("ChannelName"),
        new Actor(entity.GetString("BoundByAadObjectId") ?? "", entity.GetString("BoundByName") ?? ""),
        entity.GetDateTimeOffset("BoundAt") ?? DateTimeOffset.MinValue);
}
