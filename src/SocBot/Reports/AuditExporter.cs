using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocBot.Bindings;
using SocBot.Catalog;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// Prepares an audit export for one person and keeps it in the store: by default the columns a SOC lead reads (when, task,
/// team, action, who, note, evidence) and only what people did; with <c>all</c> also the bot's own entries and the ids.
/// </summary>
public sealed class AuditExporter(ISocStateStore store, ICatalogSource catalogSource, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static readonly IReadOnlyList<string> HumanColumns = ["when", "task", "team", "action", "by", "note", "evidence"];

    public static readonly IReadOnlyList<string> IdColumns = ["at_utc", "tenant_id", "team_id", "occurrence_key", "by_aad_object_id", "detail"];

    /// <summary>What people do, in the words the export uses; every other action is the bot's own bookkeeping.</summary>
    private static readonly Dictionary<string, string> PeopleActions = new(StringComparer.Ordinal)
    {
        [AuditActions.Completed] = "completed",
        [AuditActions.Skipped] = "skipped",
        [AuditActions.Snoozed] = "snoozed",
        [AuditActions.Escalated] = "escalated",
        [AuditActions.ChannelBound] = "channel linked",
        [AuditActions.ChannelUnbound] = "channel unlinked",
    };

    public async Task<PreparedExport> PrepareAsync(ConversationScope scope, ExportRange range, bool all, Actor requestedBy, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Settings.TimeZone);
        var entries = new List<AuditEntry>(await store.ReadAuditAsync(scope.TenantId, null, range.From, range.To, cancellationToken));
        foreach (var team in scope.Teams)
        {
            entries.AddRange(await store.ReadAuditAsync(scope.TenantId, team.Id, range.From, range.To, cancellationToken));
        }

        var rows = entries
            .Distinct()
            .Where(e => all || PeopleActions.ContainsKey(e.Action))
            .Where(e => e.TeamId is null || scope.Teams.Any(t => t.Id == e.TeamId))
            .OrderBy(e => e.At).ThenBy(e => e.TeamId, StringComparer.Ordinal).ThenBy(e => e.OccurrenceKey, StringComparer.Ordinal)
            .ToList();
        var evidence = await EvidenceAsync(scope.TenantId, rows, cancellationToken);
        var csv = AuditCsv.Write(
            all ? [.. HumanColumns, .. IdColumns] : HumanColumns,
            rows.Select(e => Row(e, catalog, zone, evidence, all)));

        var now = time.GetUtcNow();
        var export = new StoredExport(
            scope.TenantId,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            $"socbot-audit-{range.Label.Replace(' ', '-')}{(all ? "-all" : string.Empty)}.csv",
            Encoding.UTF8.GetBytes(csv),
            requestedBy,
            now,
            now + Lifetime);
        await store.SaveExportAsync(export, cancellationToken);

        var byTeam = rows
            .GroupBy(e => e.TeamId is { } id ? catalog.FindTeam(id)?.DisplayName ?? id : "SOC")
            .Select(g => new ExportTeamCounts(g.Key, g.GroupBy(e => ActionName(e.Action)).Select(a => new ExportActionCount(a.Key, a.Count())).ToList()))
            .ToList();
        return new PreparedExport(export, range, rows.Count, all, byTeam);
    }

    private static IReadOnlyList<string> Row(AuditEntry entry, SocCatalog catalog, TimeZoneInfo zone, IReadOnlyDictionary<string, string> evidence, bool all)
    {
        var key = OccurrenceKey.TryParse(entry.OccurrenceKey, out var parsed) ? parsed : null;
        var human = new List<string>
        {
            TimeZoneInfo.ConvertTime(entry.At, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
            key is null ? string.Empty : catalog.FindTask(key.TaskId)?.Title ?? key.TaskId,
            entry.TeamId is { } teamId ? catalog.FindTeam(teamId)?.DisplayName ?? teamId : string.Empty,
            ActionName(entry.Action),
            entry.By.Name,
            entry.Action is AuditActions.Completed or AuditActions.Skipped or AuditActions.Escalated ? entry.Detail ?? string.Empty : string.Empty,
            entry.Action == AuditActions.Completed && entry.OccurrenceKey is { } occurrence && evidence.TryGetValue(occurrence, out var link) ? link : string.Empty,
        };
        if (all)
        {
            human.AddRange([
                entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                entry.TenantId,
                entry.TeamId ?? string.Empty,
                entry.OccurrenceKey ?? string.Empty,
                entry.By.AadObjectId,
                entry.Detail ?? string.Empty,
            ]);
        }

        return human;
    }

    private static string ActionName(string action) => PeopleActions.TryGetValue(action, out var name) ? name : action;

    /// <summary>The audit keeps the completion note; the evidence link lives on the occurrence.</summary>
    private async Task<IReadOnlyDictionary<string, string>> EvidenceAsync(string tenantId, List<AuditEntry> rows, CancellationToken cancellationToken)
    {
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in rows.Where(e => e.Action == AuditActions.Completed && e.TeamId is not null && e.OccurrenceKey is not null).DistinctBy(e => e.OccurrenceKey))
        {
            var record = await store.GetOccurrenceAsync(tenantId, entry.TeamId!, entry.OccurrenceKey!, cancellationToken);
            if (record?.Evidence is { Length: > 0 } link)
            {
                evidence[entry.OccurrenceKey!] = link;
            }
        }

        return evidence;
    }
}
