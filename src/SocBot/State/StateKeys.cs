using System.Globalization;
using SocBot.Storage;

namespace SocBot.State;

/// <summary>
/// The key design of the state table (one table; every id is encoded with <see cref="TableKey"/>, segments joined by '|').
/// <code>
/// PartitionKey                 RowKey                          holds
/// {tenant}|occ|{team}          key|{occurrenceKey}             claim guard: immutable, points at the due row
/// {tenant}|occ|{team}          due|{dueUtc}|{occurrenceKey}    the occurrence: state, posted ids, resolution
/// {tenant}|occ|{team}          audit|{atUtc}|{id}              audit entry of a change in this partition
/// {tenant}|bind                bind|{team}                     channel binding of a SOC team
/// {tenant}|bind                audit|{atUtc}|{id}              audit entry of a binding change
/// {tenant}|conv                conv|{conversationId}           conversation reference
/// {tenant}|export              export|{exportId}               a prepared audit export, until it expires
/// _meta                        schema / heartbeat              layout version; last completed reminder pass
/// _meta                        tenant|{tenant}                 a tenant with a conversation or channel binding
/// </code>
/// Times in keys are UTC "yyyyMMdd'T'HHmmss.fffffff", so key order is time order. The queries:
/// <list type="bullet">
/// <item>This period's status of every task for one team: one partition, RowKey range due|{from} .. due|{to}.</item>
/// <item>One task's history: the same range with <c>TaskId eq</c> evaluated by the service; a team holds tens of tasks,
/// so a year is a few thousand rows of one partition.</item>
/// <item>Completion rates per team per week over a year: the team's due| range for the year, selecting State and DueAt,
/// counted per ISO week in memory; one partition query per team.</item>
/// <item>Every channel binding of a tenant: one partition, RowKey prefix bind|.</item>
/// </list>
/// The tenant leads every partition key, so one deployment serves several tenants and no query crosses them.
/// Claim, state change and audit entry share a partition, so each change and its audit entry commit in one transaction.
/// </summary>
internal static class StateKeys
{
    public const string MetaPartition = "_meta";
    public const string SchemaRow = "schema";
    public const string HeartbeatRow = "heartbeat";
    public const string ClaimPrefix = "key|";
    public const string DuePrefix = "due|";
    public const string AuditPrefix = "audit|";
    public const string BindingPrefix = "bind|";
    public const string ConversationPrefix = "conv|";
    public const string TenantPrefix = "tenant|";
    public const string ExportPrefix = "export|";

    public static string OccurrencePartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "occ", teamId);

    public static string BindingPartition(string tenantId) => TableKey.Compose(tenantId, "bind");

    public static string ConversationPartition(string tenantId) => TableKey.Compose(tenantId, "conv");

    public static string ClaimRow(string occurrenceKey) => ClaimPrefix + TableKey.Encode(occurrenceKey);

    public static string DueRow(DateTimeOffset dueAt, string occurrenceKey) => DuePrefix + Time(dueAt) + "|" + TableKey.Encode(occurrenceKey);

    public static string DueBound(DateTimeOffset dueAt) => DuePrefix + Time(dueAt);

    public static string AuditRow(DateTimeOffset at, Guid id) => AuditPrefix + Time(at) + "|" + id.ToString("N");

    public static string AuditBound(DateTimeOffset at) => AuditPrefix + Time(at);

    public static string BindingRow(string teamId) => BindingPrefix + TableKey.Encode(teamId);

    public static string ConversationRow(string conversationId) => ConversationPrefix + TableKey.Encode(conversationId);

    public static string ExportPartition(string tenantId) => TableKey.Compose(tenantId, "export");

    public static string ExportRow(string exportId) => ExportPrefix + TableKey.Encode(exportId);

    public static string TenantRow(string tenantId) => TenantPrefix + TableKey.Encode(tenantId);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff", CultureInfo.InvariantCulture);
}
