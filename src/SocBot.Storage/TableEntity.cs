using System.Collections;
using Azure;

namespace SocBot.Storage;

/// <summary>
/// One row of a table as a property bag, shaped like Azure.Data.Tables' <c>TableEntity</c>.
/// Values are limited to the types Table Storage can hold, so both backends store exactly what the caller wrote.
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>Set by the service on every write; ignored when sent.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Count => _properties.Count;

    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>Setting null removes the property: Table Storage has no null values.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = Normalize(name, value);
        }
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public bool Remove(string name) => _properties.Remove(name);

    public string? GetString(string name) => Get<string>(name);

    public int? GetInt32(string name) => _properties.TryGetValue(name, out var v) ? v as int? : null;

    public long? GetInt64(string name) => _properties.TryGetValue(name, out var v) ? v switch
    {
        long l => l,
        int i => i,
        _ => null,
    } : null;

    public double? GetDouble(string name) => _properties.TryGetValue(name, out var v) ? v switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    } : null;

    public bool? GetBoolean(string name) => _properties.TryGetValue(name, out var v) ? v as bool? : null;

    public DateTimeOffset? GetDateTimeOffset(string name) => _properties.TryGetValue(name, out var v) ? v as DateTimeOffset? : null;

    public Guid? GetGuid(string name) => _properties.TryGetValue(name, out var v) ? v as Guid? : null;

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string name)
        where T : class =>
        _properties.TryGetValue(name, out var v) ? v as T : null;

    private static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; Table Storage holds string, int, long, double, bool, DateTimeOffset, Guid and byte[].",
            nameof(value)),
    };
}
