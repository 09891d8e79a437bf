using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SocBot.Catalog;

/// <summary>
/// Reads typed values out of a YAML tree, recording every problem with its line, column and place instead of stopping,
/// so a SOC lead sees the whole list of mistakes in one go.
/// </summary>
internal sealed class CatalogYamlReader(string file)
{
    private readonly List<CatalogError> _errors = [];

    public IReadOnlyList<CatalogError> Errors => _errors;

    public void Error(YamlNode? node, string place, string message) =>
        _errors.Add(new CatalogError(file, Line(node), Column(node), place, message));

    public void Error(int line, int column, string place, string message) =>
        _errors.Add(new CatalogError(file, line, column, place, message));

    /// <summary>The node as a mapping whose keys are all in <paramref name="allowedKeys"/>; null (and an error) otherwise.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string place, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, place, $"expected a mapping with keys {string.Join(", ", allowedKeys)}");
            return null;
        }

        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                Error(key, Join(place, name), $"unknown key '{name}' (expected one of {string.Join(", ", allowedKeys)})");
            }
        }

        return mapping;
    }

    /// <summary>Items of a sequence; a missing or null value reads as empty (<see cref="Child"/> treats null as missing).</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode mapping, string key, string place)
    {
        var node = Child(mapping, key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            default:
                Error(node, Join(place, key), "expected a list");
                return [];
        }
    }

    public YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && !(node is YamlScalarNode s && IsNull(s)) ? node : null;

    public string? OptionalString(YamlMappingNode mapping, string key, string place)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, Join(place, key), "expected text");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Non-empty text; records "missing" or "empty" and returns "" otherwise.</summary>
    public string RequiredString(YamlMappingNode mapping, string key, string place)
    {
        if (Child(mapping, key) is null)
        {
            Error(mapping, place, $"'{key}' is missing");
            return "";
        }

        var value = OptionalString(mapping, key, place);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            Error(Child(mapping, key), Join(place, key), "must not be empty");
        }

        return value ?? "";
    }

    public IReadOnlyList<string> StringList(YamlMappingNode mapping, string key, string place)
    {
        var values = new List<string>();
        var items = Sequence(mapping, key, place);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                values.Add(value);
            }
            else
            {
                Error(items[i], $"{Join(place, key)}[{i}]", "expected non-empty text");
            }
        }

        return values;
    }

    public TimeOnly? OptionalTime(YamlMappingNode mapping, string key, string place)
    {
        var text = OptionalString(mapping, key, place);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(Child(mapping, key), Join(place, key), $"'{text}' is not a time of day (HH:mm, e.g. \"09:00\")");
        return null;
    }

    public DateOnly? ParseDate(YamlNode node, string place)
    {
        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(node, place, $"'{(node as YamlScalarNode)?.Value}' is not a date (yyyy-MM-dd)");
        return null;
    }

    public static string Join(string place, string key) => place.Length == 0 ? key : $"{place}.{key}";

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" || scalar.Value.Equals("null", StringComparison.OrdinalIgnoreCase));

    private static int Line(YamlNode? node) => node is null ? 1 : (int)node.Start.Line;

    private static int Column(YamlNode? node) => node is null ? 1 : (int)node.Start.Column;
}
