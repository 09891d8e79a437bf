using System.Text;

namespace SocBot.Storage;

/// <summary>
/// The opaque continuation token both stores hand out: the next PartitionKey and RowKey joined by U+0000
/// (never part of a key), base64url-encoded so it survives card data and URLs.
/// </summary>
internal static class ContinuationToken
{
    public static string Format((string PartitionKey, string RowKey) position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(position.PartitionKey + "\0" + position.RowKey))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string PartitionKey, string RowKey)? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\0');
            if (parts.Length == 2)
            {
                return (parts[0], parts[1]);
            }
        }
        catch (FormatException)
        {
        }

        throw new TableStorageException(400, TableErrorCode.InvalidInput, $"'{token}' is not a continuation token of this store.");
    }
}
