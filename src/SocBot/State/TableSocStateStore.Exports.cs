using SocBot.Storage;

namespace SocBot.State;

public sealed partial class TableSocStateStore
{
    private const int ExportChunkBytes = StoredExportLimits.ChunkBytes;

    public async Task SaveExportAsync(StoredExport export, CancellationToken cancellationToken)
    {
        if (export.Content.Length > StoredExportLimits.MaxContentBytes)
        {
            throw new ArgumentException(
                $"An export holds at most {StoredExportLimits.MaxContentBytes} bytes; this one has {export.Content.Length}.", nameof(export));
        }

        await schema.EnsureAsync(cancellationToken);
        var entity = new TableEntity(StateKeys.ExportPartition(export.TenantId), StateKeys.ExportRow(export.ExportId))
        {
            ["TenantId"] = export.TenantId,
            ["ExportId"] = export.ExportId,
            ["FileName"] = export.FileName,
            ["RequestedByAadObjectId"] = export.RequestedBy.AadObjectId,
            ["RequestedByName"] = export.RequestedBy.Name,
            ["CreatedAt"] = export.CreatedAt,
            ["ExpiresAt"] = export.ExpiresAt,
            ["ContentLength"] = export.Content.Length,
        };
        for (var (offset, index) = (0, 0); offset < export.Content.Length; offset += ExportChunkBytes, index++)
        {
            entity["Content" + index] = export.Content.AsSpan(offset, Math.Min(ExportChunkBytes, export.Content.Length - offset)).ToArray();
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StoredExport?> GetExportAsync(string tenantId, string exportId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(StateKeys.ExportPartition(tenantId), StateKeys.ExportRow(exportId), cancellationToken);
        var expiresAt = entity?.GetDateTimeOffset("ExpiresAt");
        if (entity is null || expiresAt is null || expiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var content = new byte[entity.GetInt32("ContentLength") ?? 0];
        for (var (offset, index) = (0, 0); offset < content.Length; offset += ExportChunkBytes, index++)
        {
            entity.GetBinary("Content" + index).AsSpan().CopyTo(content.AsSpan(offset));
        }

        return new StoredExport(
            tenantId,
            exportId,
            entity.GetString("FileName") ?? "",
            content,
            new Actor(entity.GetString("RequestedByAadObjectId") ?? "", entity.GetString("RequestedByName") ?? ""),
            entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            expiresAt.Value);
    }
}
