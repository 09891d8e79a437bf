using System.Globalization;
using System.Text;
using Azure;

namespace SocBot.Storage.AzureTables;

/// <summary>
/// The multipart/mixed body of an entity group transaction (one changeset of application/http parts) and the reader of
/// the service's multipart reply: one HTTP status line, headers and body per action, or one error naming the failed index.
/// </summary>
internal sealed class TableBatchContent(Uri endpoint, string tableName, string serviceVersion)
{
    private const string Crlf = "\r\n";

    private readonly string _batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
    private readonly string _changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");

    public string ContentType => "multipart/mixed; boundary=" + _batchBoundary;

    public byte[] Write(IReadOnlyList<TableTransactionAction> actions)
    {
        var body = new StringBuilder();
        body.Append("--").Append(_batchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(_changesetBoundary).Append(Crlf).Append(Crlf);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var address = $"{endpoint.AbsoluteUri.TrimEnd('/')}/{tableName}(PartitionKey='{AzureTableClient.EscapeKey(entity.PartitionKey)}',RowKey='{AzureTableClient.EscapeKey(entity.RowKey)}')";
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", $"{endpoint.AbsoluteUri.TrimEnd('/')}/{tableName}", (ETag?)null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", address, action.IfMatch, true),
                TableTransactionActionType.UpdateReplace => ("PUT", address, action.IfMatch, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", address, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", address, null, true),
                TableTransactionActionType.Delete => ("DELETE", address, action.IfMatch, false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            body.Append("--").Append(_changesetBoundary).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf)
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
                .Append("DataServiceVersion: 3.0").Append(Crlf)
                .Append("x-ms-version: ").Append(serviceVersion).Append(Crlf);
            if (ifMatch is { } etag)
            {
                body.Append("If-Match: ").Append(etag.ToString()).Append(Crlf);
            }

            if (hasBody)
            {
                body.Append("Content-Type: application/json").Append(Crlf)
                    .Append("Prefer: return-no-content").Append(Crlf).Append(Crlf)
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity, includeKeys: true))).Append(Crlf);
            }
            else
            {
                body.Append(Crlf);
            }
        }

        body.Append("--").Append(_changesetBoundary).Append("--").Append(Crlf)
            .Append("--").Append(_batchBoundary).Append("--").Append(Crlf);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>Every embedded HTTP response in reply order, whatever the boundaries are called.</summary>
    public static List<BatchResult> ParseResponse(string reply)
    {
        var results = new List<BatchResult>();
        var lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), CultureInfo.InvariantCulture);
            var etag = default(ETag);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && lines[i][..colon].Trim().Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(lines[i][(colon + 1)..].Trim());
                }
            }

            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            i--;
            results.Add(new BatchResult(status, etag, body.ToString().Trim()));
        }

        return results;
    }

    /// <summary>The service prefixes the failed action's index to the error message ("2:The specified entity already exists.").</summary>
    public static int? FailedIndex(string detail)
    {
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(detail.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    internal sealed record BatchResult(int Status, ETag ETag, string Body);
}
