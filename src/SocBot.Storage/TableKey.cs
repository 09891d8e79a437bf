using System.Globalization;
using System.Text;

namespace SocBot.Storage;

/// <summary>
/// Reversible key encoding. Table Storage forbids <c>/ \ # ?</c> and control characters in keys, and '%' breaks some
/// proxies; each of those (and the escape '~' and the segment separator '|') becomes '~' plus four hex digits.
/// Everything else, emoji included, is kept, so encoded keys stay readable and keep most of their order.
/// </summary>
public static class TableKey
{
    public const char Separator = '|';

    private const char Escape = '~';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append(Escape).Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains(Escape, StringComparison.Ordinal))
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != Escape)
            {
                builder.Append(encoded[i]);
                continue;
            }

            if (i + 4 >= encoded.Length
                || !int.TryParse(encoded.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{encoded}' is not an encoded table key: '~' must be followed by four hex digits.");
            }

            builder.Append((char)code);
            i += 4;
        }

        return builder.ToString();
    }

    /// <summary>Joins encoded segments with '|'; a segment can never contain the separator, so <see cref="Split"/> is exact.</summary>
    public static string Compose(params ReadOnlySpan<string> segments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            builder.Append(Encode(segments[i]));
        }

        return builder.ToString();
    }

    public static IReadOnlyList<string> Split(string composed) =>
        composed.Split(Separator).Select(Decode).ToList();

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or Escape or Separator || char.IsControl(c);
}
