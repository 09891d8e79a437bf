using System.Globalization;
using System.Text;

namespace SocBot.Storage;

/// <summary>
/// Builds OData filters from interpolated strings, like Azure.Data.Tables' <c>TableOdataFilter.Create</c>:
/// the format text is ours, every argument becomes a typed literal with quotes doubled, so user text cannot change a query.
/// </summary>
public static class TableFilter
{
    /// <example><c>TableFilter.Create($"PartitionKey eq {team} and Due ge {from}")</c></example>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>Every key starting with <paramref name="prefix"/>: the range [prefix, next string after the prefix).</summary>
    public static string StartsWith(string keyProperty, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return $"{keyProperty} ge {Literal(prefix)} and {keyProperty} lt {Literal(PrefixUpperBound(prefix))}";
    }

    /// <summary>The smallest string greater than every string with this prefix.</summary>
    public static string PrefixUpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        if (last == char.MaxValue)
        {
            throw new ArgumentException("A prefix may not end with U+FFFF.", nameof(prefix));
        }

        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(last + 1)).ToString());
    }

    /// <summary>The OData literal of one value; the only way values enter a filter.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "Table filters have no null literal."),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime d => Literal(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime())),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be a table filter value.", nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("Table filters cannot compare with NaN or infinity.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var builder = new StringBuilder(text);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            builder.Append(".0");
        }

        return builder.ToString();
    }
}
