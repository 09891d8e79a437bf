using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using SocBot.Catalog;

namespace SocBot.Reports;

/// <summary>
/// Finds the task at the start of a command's text: its id or title (ignoring case, the longest that matches, or in
/// quotes), else a word that starts exactly one task id. What follows is the note or reason.
/// </summary>
public static partial class TaskLookup
{
    public static bool TryFind(SocCatalog catalog, string text, [NotNullWhen(true)] out TaskMatch? match)
    {
        match = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] == '"' && text.IndexOf('"', 1) is var close and > 0)
        {
            var quoted = Named(catalog, text[1..close]);
            match = quoted is null ? null : new TaskMatch(quoted, text[(close + 1)..].Trim());
            return match is not null;
        }

        var words = Word().Matches(text);
        for (var count = words.Count; count > 0; count--)
        {
            var end = words[count - 1].Index + words[count - 1].Length;
            if (Named(catalog, text[..end]) is { } task)
            {
                match = new TaskMatch(task, text[end..].Trim());
                return true;
            }
        }

        var first = words[0].Value;
        var started = catalog.Tasks.Where(t => t.Id.StartsWith(first, StringComparison.OrdinalIgnoreCase)).ToList();
        if (started.Count == 1)
        {
            match = new TaskMatch(started[0], text[(words[0].Index + first.Length)..].Trim());
            return true;
        }

        return false;
    }

    private static MaintenanceTask? Named(SocCatalog catalog, string phrase)
    {
        var words = string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return catalog.FindTask(words)
            ?? catalog.Tasks.FirstOrDefault(t => string.Equals(t.Title, words, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
