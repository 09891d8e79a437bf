using System.Globalization;
using System.Text;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// The audit log as CSV (RFC 4180: CRLF rows, fields with commas, quotes or line breaks quoted, quotes doubled). Text
/// people typed may start with = + - @ (or a tab or CR), which spreadsheets run as a formula; such a field gets a
/// leading apostrophe so it opens as text.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Columns = ["at_utc", "tenant_id", "team_id", "occurrence_key", "action", "by_aad_object_id", "by_name", "detail"];

    public static string Write(IEnumerable<AuditEntry> entries) =>
        Write(Columns, entries.Select(IReadOnlyList<string> (entry) => [
                entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                entry.TenantId,
                entry.TeamId ?? string.Empty,
                entry.OccurrenceKey ?? string.Empty,
                entry.Action,
                entry.By.AadObjectId,
                entry.By.Name,
                entry.Detail ?? string.Empty,
            ]));

    /// <summary>A header and one line per row, every field escaped.</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        AppendRow(csv, columns);
        foreach (var row in rows)
        {
            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }
}
