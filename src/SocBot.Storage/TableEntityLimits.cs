namespace SocBot.Storage;

/// <summary>
/// Table Storage's documented limits, checked before a write so an entity is refused with the service's codes
/// (Azurite is looser than Azure). Sizes follow the service's own accounting: strings count two bytes per UTF-16 unit.
/// </summary>
internal static class TableEntityLimits
{
    public const int MaxKeyLength = 512;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxValueBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxBatchActions = 100;

    private static readonly HashSet<string> SystemNames = ["PartitionKey", "RowKey", "Timestamp", "ETag"];

    public static void ValidateKey(string key, string which)
    {
        ArgumentNullException.ThrowIfNull(key, which);
        if (key.Length > MaxKeyLength)
        {
            throw Invalid(TableErrorCode.InvalidInput, $"The {which} is {key.Length} characters long; the limit is {MaxKeyLength} (1 KiB).");
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw Invalid(TableErrorCode.InvalidInput, $"The {which} '{key}' contains U+{(int)c:X4}, which Table Storage forbids in keys; encode it with TableKey.Encode.");
            }
        }
    }

    public static void Validate(TableEntity entity)
    {
        ValidateKey(entity.PartitionKey, "PartitionKey");
        ValidateKey(entity.RowKey, "RowKey");
        if (entity.Count > MaxCustomProperties)
        {
            throw Invalid(TableErrorCode.InvalidInput, $"The entity has {entity.Count} properties; the limit is {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.");
        }

        long size = 4 + (entity.PartitionKey.Length * 2) + (entity.RowKey.Length * 2);
        foreach (var (name, value) in entity)
        {
            ValidateName(name);
            var valueBytes = value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] b => 4 + b.Length,
                long or double or DateTimeOffset => 8,
                Guid => 16,
                bool => 1,
                _ => 4,
            };
            if (value is string or byte[] && valueBytes - 4 > MaxValueBytes)
            {
                throw Invalid(TableErrorCode.PropertyValueTooLarge, $"Property '{name}' holds {valueBytes - 4} bytes; the limit is 64 KiB.");
            }

            size += 8 + (name.Length * 2) + valueBytes;
        }

        if (size > MaxEntityBytes)
        {
            throw Invalid(TableErrorCode.EntityTooLarge, $"The entity is {size} bytes; the limit is 1 MiB.");
        }
    }

    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > MaxPropertyNameLength
            || SystemNames.Contains(name)
            || !(char.IsLetter(name[0]) || name[0] == '_')
            || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw Invalid(TableErrorCode.InvalidInput, $"'{name}' is not a valid property name: 1–255 letters, digits or '_', starting with a letter or '_', and not a system property.");
        }
    }

    private static TableStorageException Invalid(string code, string message) => new(400, code, message);
}
