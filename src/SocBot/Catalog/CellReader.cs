using System.Net;
using System.Text.RegularExpressions;

namespace SocBot.Catalog;

/// <summary>
/// Cleans the cells of one markdown table row: tabs, runs of spaces, a space before punctuation, bold markers,
/// and HTML lists (whose tags the published pages often leave unclosed). Each repair is noted with the row's line.
/// </summary>
internal sealed partial class CellReader(string file, MarkdownRow row, List<ImportNote> notes)
{
    /// <summary>The cell as one line of plain text.</summary>
    public string Text(int column, string columnName)
    {
        var raw = Raw(column);
        var text = Clean(raw, out var repairs);
        Note(columnName, repairs);
        return text;
    }

    /// <summary>The cell as a list: the items of its HTML list, or the whole cell as one item when it has none.</summary>
    public IReadOnlyList<string> List(int column, string columnName)
    {
        var raw = Raw(column);
        if (!raw.Contains("<li>", StringComparison.OrdinalIgnoreCase))
        {
            var text = Clean(raw, out var plainRepairs);
            Note(columnName, plainRepairs);
            return text.Length == 0 ? [] : [text];
        }

        var repairs = new List<string>();
        var opened = ListOpen().Matches(raw).Count;
        var closed = ListClose().Matches(raw).Count;
        if (opened != closed)
        {
            repairs.Add($"{opened - closed} unclosed <ul> tag(s)");
        }

        var unclosedItems = ItemOpen().Matches(raw).Count - ItemClose().Matches(raw).Count;
        if (unclosedItems > 0)
        {
            repairs.Add($"{unclosedItems} unclosed <li> tag(s)");
        }

        var parts = ItemOpen().Split(raw);
        var leadIn = Clean(ListTags().Replace(parts[0], " "), out _).TrimEnd(':').Trim();
        if (leadIn.Length > 0)
        {
            repairs.Add($"lead-in '{leadIn}:' joined to each item");
        }

        var items = new List<string>();
        foreach (var part in parts.Skip(1))
        {
            var item = Clean(ListTags().Replace(part, " "), out var itemRepairs);
            repairs.AddRange(itemRepairs);
            if (item.Length > 0)
            {
                items.Add(leadIn.Length > 0 ? $"{leadIn} {item}" : item);
            }
        }

        Note(columnName, repairs.Distinct(StringComparer.Ordinal).ToList());
        return items;
    }

    /// <summary>Plain text of a cell, without reporting repairs (for header cells).</summary>
    public static string Clean(string raw) => Clean(raw, out _);

    private static string Clean(string raw, out List<string> repairs)
    {
        repairs = [];
        var text = raw;
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            repairs.Add("tab replaced by a space");
            text = text.Replace('\t', ' ');
        }

        if (text.Contains("**", StringComparison.Ordinal))
        {
            repairs.Add("bold markers removed");
            text = text.Replace("**", "", StringComparison.Ordinal);
        }

        var decoded = WebUtility.HtmlDecode(text);
        if (decoded != text)
        {
            repairs.Add("HTML entities decoded");
            text = decoded;
        }

        var trimmed = text.Trim();
        var collapsed = Spaces().Replace(trimmed, " ");
        if (collapsed != trimmed)
        {
            repairs.Add("runs of spaces collapsed");
        }

        var tidy = SpaceBeforePunctuation().Replace(collapsed, "$1");
        if (tidy != collapsed)
        {
            repairs.Add("space before punctuation removed");
        }

        return tidy;
    }

    private string Raw(int column) => column < row.Cells.Count ? row.Cells[column] : "";

    private void Note(string columnName, IReadOnlyList<string> repairs)
    {
        if (repairs.Count > 0)
        {
            notes.Add(new ImportNote(file, row.Line, $"{columnName}: {string.Join("; ", repairs)}"));
        }
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex("<ul>", RegexOptions.IgnoreCase)]
    private static partial Regex ListOpen();

    [GeneratedRegex("</ul>", RegexOptions.IgnoreCase)]
    private static partial Regex ListClose();

    [GeneratedRegex("<li>", RegexOptions.IgnoreCase)]
    private static partial Regex ItemOpen();

    [GeneratedRegex("</li>", RegexOptions.IgnoreCase)]
    private static partial Regex ItemClose();

    [GeneratedRegex("</?(ul|li)>", RegexOptions.IgnoreCase)]
    private static partial Regex ListTags();
}
