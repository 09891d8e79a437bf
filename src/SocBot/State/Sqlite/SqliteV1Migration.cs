using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SocBot.State.Sqlite;

/// <summary>
/// Carries the table-shaped layout (version 1: rows of <c>socbot_entities</c>, keyed as <see cref="StateKeys"/> describes,
/// with their properties as Table Storage JSON) into the relational tables, in the caller's transaction, then drops the
/// old tables. A row it does not recognise stops the migration, so nothing is dropped unread.
/// </summary>
internal static class SqliteV1Migration
{
    public static int LayoutVersion(string props)
    {
        using var json = JsonDocument.Parse(props);
        return json.RootElement.TryGetProperty("Version", out var v) && v.TryGetInt32(out var version) ? version : 0;
    }

    public static async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction, string tableName, CancellationToken cancellationToken)
    {
        var rows = await SqliteDatabase.QueryAsync(
            connection, transaction, "SELECT pk, rk, props FROM socbot_entities WHERE tbl = $tbl ORDER BY pk, rk;",
            r => (Partition: r.GetString(0), Row: r.GetString(1), Props: r.GetString(2)), cancellationToken, ("$tbl", tableName));
        var audit = new List<(DateTimeOffset At, string Row, (string, object?)[] Values)>();
        foreach (var (partition, row, props) in rows)
        {
            using var document = JsonDocument.Parse(props);
            var p = new Props(document.RootElement);
            if (row.StartsWith(StateKeys.AuditPrefix, StringComparison.Ordinal))
            {
                audit.Add((p.Time("At")!.Value, row, [
                    ("$tenant", p.Text("TenantId")), ("$team", p.Text("TeamId")), ("$key", p.Text("OccurrenceKey")), ("$action", p.Text("Action")),
                    ("$by", p.Text("ByAadObjectId") ?? ""), ("$byName", p.Text("ByName") ?? ""), ("$at", p.TimeText("At")), ("$detail", p.Text("Detail"))]));
            }
            else if (row.StartsWith(StateKeys.DuePrefix, StringComparison.Ordinal))
            {
                await InsertAsync(SqliteSocStateStore.InsertOccurrenceSql, [
                    ("$tenant", p.Text("TenantId")), ("$team", p.Text("TeamId")), ("$key", p.Text("OccurrenceKey")), ("$task", p.Text("TaskId")),
                    ("$period", p.Text("Period")), ("$due", p.TimeText("DueAt")), ("$state", p.Text("State")), ("$claimedAt", p.TimeText("ClaimedAt")),
                    ("$claimId", p.Text("ClaimId")), ("$conversation", p.Text("ConversationId")), ("$activity", p.Text("ActivityId")),
                    ("$snoozedUntil", p.TimeText("SnoozedUntil")), ("$resolvedBy", p.Text("ResolvedByAadObjectId")), ("$resolvedByName", p.Text("ResolvedByName")),
                    ("$resolvedAt", p.TimeText("ResolvedAt")), ("$note", p.Text("Note")), ("$evidence", p.Text("Evidence")), ("$reason", p.Text("Reason")),
                    ("$stage", p.Int("EscalationStage") ?? 0), ("$heldUntil", p.TimeText("EscalationHeldUntil")), ("$lastPostAttempt", p.Text("LastPostAttempt"))]);
            }
            else if (row.StartsWith(StateKeys.BindingPrefix, StringComparison.Ordinal))
            {
                await InsertAsync(SqliteSocStateStore.UpsertBindingSql, [
                    ("$tenant", p.Text("TenantId")), ("$team", p.Text("TeamId")), ("$conversation", p.Text("ConversationId")), ("$teamsTeam", p.Text("TeamsTeamId")),
                    ("$channelName", p.Text("ChannelName")), ("$by", p.Text("BoundByAadObjectId") ?? ""), ("$byName", p.Text("BoundByName") ?? ""), ("$at", p.TimeText("BoundAt"))]);
            }
            else if (row.StartsWith(StateKeys.ConversationPrefix, StringComparison.Ordinal))
            {
                await InsertAsync(SqliteSocStateStore.UpsertConversationSql, [
                    ("$tenant", p.Text("TenantId")), ("$conversation", p.Text("ConversationId")), ("$type", p.Text("ConversationType") ?? ""), ("$serviceUrl", p.Text("ServiceUrl")),
                    ("$team", p.Text("TeamId")), ("$teamName", p.Text("TeamName")), ("$channel", p.Text("ChannelId")), ("$channelName", p.Text("ChannelName")),
                    ("$bot", p.Text("BotId") ?? ""), ("$at", p.TimeText("UpdatedAt"))]);
            }
            else if (row.StartsWith(StateKeys.ExportPrefix, StringComparison.Ordinal))
            {
                var content = new byte[p.Int("ContentLength") ?? 0];
                for (var (offset, index) = (0, 0); offset < content.Length; index++)
                {
                    var chunk = p.Bytes("Content" + index) ?? throw new InvalidDataException($"Export row {row} lacks Content{index}.");
                    chunk.CopyTo(content.AsSpan(offset));
                    offset += chunk.Length;
                }

                await InsertAsync(SqliteSocStateStore.UpsertExportSql, [
                    ("$tenant", p.Text("TenantId")), ("$id", p.Text("ExportId")), ("$file", p.Text("FileName") ?? ""), ("$content", content),
                    ("$by", p.Text("RequestedByAadObjectId") ?? ""), ("$byName", p.Text("RequestedByName") ?? ""), ("$created", p.TimeText("CreatedAt")), ("$expires", p.TimeText("ExpiresAt"))]);
            }
            else if (partition == StateKeys.MetaPartition && row == StateKeys.HeartbeatRow)
            {
                await InsertAsync(SqliteSocStateStore.UpsertHeartbeatSql, [("$at", p.TimeText("LastPassCompletedAt")), ("$instance", p.Text("Instance") ?? "")]);
            }
            else if (partition == StateKeys.MetaPartition && row.StartsWith(StateKeys.TenantPrefix, StringComparison.Ordinal))
            {
                await InsertAsync(SqliteSocStateStore.InsertTenantSql, [("$tenant", p.Text("TenantId"))]);
            }
            else if (!(partition == StateKeys.MetaPartition && row == StateKeys.SchemaRow) && !row.StartsWith(StateKeys.ClaimPrefix, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Row ({partition}, {row}) of table {tableName} is not part of layout version 1; nothing was migrated.");
            }
        }

        foreach (var entry in audit.OrderBy(a => a.At).ThenBy(a => a.Row, StringComparer.Ordinal))
        {
            await InsertAsync(SqliteSocStateStore.InsertAuditSql, entry.Values);
        }

        await SqliteDatabase.ExecuteAsync(connection, transaction, "DROP TABLE socbot_entities; DROP TABLE IF EXISTS socbot_tables;", cancellationToken);

        Task InsertAsync(string sql, (string, object?)[] values) => SqliteDatabase.ExecuteAsync(connection, transaction, sql, cancellationToken, values);
    }

    /// <summary>One v1 property bag: values JSON cannot type carry a <c>name@odata.type</c> annotation.</summary>
    private readonly struct Props(JsonElement json)
    {
        public string? Text(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public int? Int(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

        public DateTimeOffset? Time(string name) => Text(name) is { } text ? SqliteDatabase.ParseTime(text) : null;

        public string? TimeText(string name) => Time(name) is { } time ? SqliteDatabase.Time(time) : null;

        public byte[]? Bytes(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetBytesFromBase64() : null;
    }
}
