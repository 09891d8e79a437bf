using System.Text.Json;
using System.Text.Json.Serialization;
using SocBot.Conversations;
using SocBot.State;

namespace SocBot.Tests.State.Migration;

/// <summary>
/// Everything a store holds for the given teams and exports, read through <see cref="ISocStateStore"/> only, so a snapshot
/// taken from the old layout and one taken from the new store compare record by record.
/// </summary>
public sealed record StateSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<StateSnapshot.TeamScope> Teams,
    IReadOnlyList<StateSnapshot.ExportScope> ExportIds,
    IReadOnlyList<string> Tenants,
    IReadOnlyList<OccurrenceRecord> Occurrences,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<TeamChannelBinding> Bindings,
    IReadOnlyList<ConversationReference> Conversations,
    IReadOnlyList<StoredExport> Exports,
    Heartbeat? Heartbeat)
{
    private static readonly DateTimeOffset From = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static async Task<StateSnapshot> TakeAsync(ISocStateStore store, DateTimeOffset takenAt, IReadOnlyList<TeamScope> teams, IReadOnlyList<ExportScope> exportIds, CancellationToken cancellationToken)
    {
        var tenants = (await store.ListTenantsAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        var occurrences = new List<OccurrenceRecord>();
        var audit = new List<AuditEntry>();
        foreach (var (tenant, team) in teams)
        {
            occurrences.AddRange(await store.ListTeamOccurrencesAsync(tenant, team, From, To, cancellationToken));
            audit.AddRange(await store.ReadAuditAsync(tenant, team, From, To, cancellationToken));
        }

        var bindings = new List<TeamChannelBinding>();
        var conversations = new List<ConversationReference>();
        foreach (var tenant in tenants)
        {
            audit.AddRange(await store.ReadAuditAsync(tenant, null, From, To, cancellationToken));
            bindings.AddRange(await store.ListChannelBindingsAsync(tenant, cancellationToken));
            conversations.AddRange(await store.ListAsync(tenant, cancellationToken));
        }

        var exports = new List<StoredExport>();
        foreach (var (tenant, exportId) in exportIds)
        {
            exports.Add(await store.GetExportAsync(tenant, exportId, cancellationToken)
                ?? throw new InvalidDataException($"Export {exportId} of tenant {tenant} is missing."));
        }

        return new StateSnapshot(
            takenAt,
            teams,
            exportIds,
            tenants,
            occurrences.OrderBy(o => o.TenantId, StringComparer.Ordinal).ThenBy(o => o.TeamId, StringComparer.Ordinal).ThenBy(o => o.OccurrenceKey, StringComparer.Ordinal).ToList(),
            audit.Distinct().OrderBy(a => a.At).ThenBy(a => a.TenantId, StringComparer.Ordinal).ThenBy(a => a.TeamId, StringComparer.Ordinal).ThenBy(a => a.Action, StringComparer.Ordinal).ThenBy(a => a.OccurrenceKey, StringComparer.Ordinal).ToList(),
            bindings.OrderBy(b => b.TenantId, StringComparer.Ordinal).ThenBy(b => b.TeamId, StringComparer.Ordinal).ToList(),
            conversations.OrderBy(c => c.TenantId, StringComparer.Ordinal).ThenBy(c => c.ConversationId, StringComparer.Ordinal).ToList(),
            exports,
            await store.GetHeartbeatAsync(cancellationToken));
    }

    public sealed record TeamScope(string TenantId, string TeamId);

    public sealed record ExportScope(string TenantId, string ExportId);
}
