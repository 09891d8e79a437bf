using System.Globalization;
using System.Text.Json;
using Azure;

namespace SocBot.Storage;

/// <summary>
/// The Table service's JSON entity format (odata=minimalmetadata): types JSON cannot carry are annotated with
/// <c>name@odata.type</c>. The SQLite store keeps its property bags in the same format, so both backends round-trip alike.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity, bool includeKeys)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (includeKeys)
            {
                writer.WriteString("PartitionKey", entity.PartitionKey);
                writer.WriteString("RowKey", entity.RowKey);
            }

            foreach (var (name, value) in entity)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json, string? partitionKey = null, string? rowKey = null)
    {
        var entity = new TableEntity(
            partitionKey ?? json.GetProperty("PartitionKey").GetString() ?? "",
            rowKey ?? json.GetProperty("RowKey").GetString() ?? "");
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                if (name == "odata.etag" && property.Value.GetString() is { } etag)
                {
                    entity.ETag = new ETag(etag);
                }

                continue;
            }

            // The service sets Timestamp; some replies leave out its type annotation.
            var type = name == "Timestamp" ? "Edm.DateTime" : json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            var value = ReadValue(name, property.Value, type);
            if (name == "Timestamp")
            {
                entity.Timestamp = (DateTimeOffset?)value;
            }
            else
            {
                entity[name] = value;
            }
        }

        return entity;
    }

    public static string FormatDate(DateTimeOffset value) => value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, d.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset d:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDate(d));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }

    private static object? ReadValue(string name, JsonElement value, string? type)
    {
        try
        {
            return type switch
            {
                "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
                "Edm.Double" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
                "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => value.GetBytesFromBase64(),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.String" => value.GetString(),
                null => value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
                    JsonValueKind.Null => null,
                    _ => throw new FormatException($"unexpected JSON {value.ValueKind}"),
                },
                _ => throw new FormatException($"unknown type {type}"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new TableStorageException(500, TableErrorCode.InvalidInput, $"Property '{name}' of a stored entity could not be read: {e.Message}", e);
        }
    }
}
