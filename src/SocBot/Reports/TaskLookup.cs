using System.Text.RegularExpressions;
using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Reports;

/// <summary>
/// Finds the task a person names at the start of a command, the way people name it: its title or id, or any part of the
/// title ("secure score", "tabletop"), ignoring case and a slip of the keyboard ("tabeltop"). The longest run of leading
/// words that names something wins; what follows is the note or reason. When the words fit several tasks equally, the
/// answer lists them instead of guessing.
/// </summary>
public static partial class TaskLookup
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "of", "and", "&", "or", "for", "to", "with", "task", "reminder" };

    /// <summary>A task name is a few words; a longer lead is already the note.</summary>
    private const int MaxNameWords = 12;

    public static TaskLookupResult Find(SocCatalog catalog, string text) => Find(catalog.Tasks, text);

    public static TaskLookupResult Find(IReadOnlyList<MaintenanceTask> tasks, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return TaskLookupResult.NotFound;
        }

        if (text[0] == '"' && text.IndexOf('"', 1) is var close and > 0)
        {
            var (quoted, _) = Candidates(tasks, Words().Matches(text[1..close]).Select(m => m.Value).ToList());
            return quoted.Count switch
            {
                0 => TaskLookupResult.NotFound,
                1 => TaskLookupResult.Found(new TaskMatch(quoted[0], text[(close + 1)..].Trim())),
                _ => TaskLookupResult.Ambiguous(quoted),
            };
        }

        var words = Words().Matches(text);
        for (var count = Math.Min(words.Count, MaxNameWords); count > 0; count--)
        {
            var lead = words.Take(count).Select(m => m.Value).ToList();
            var (candidates, typos) = Candidates(tasks, lead);
            if (candidates.Count == 1)
            {
                // A trailing word that fits only as a longer or shorter form ("tickets updated") belongs to the note when
                // the name is whole without it; a slip that keeps the length ("secure scroe") stays part of the name.
                while (count > 1 && typos > 0 && !IsSlip(lead[count - 1], candidates[0])
                    && Candidates(tasks, lead[..(count - 1)]) is { Tasks: [var same], Typos: var fewer } && same == candidates[0] && fewer < typos)
                {
                    count--;
                    typos = fewer;
                }

                var end = words[count - 1].Index + words[count - 1].Length;
                return TaskLookupResult.Found(new TaskMatch(candidates[0], text[end..].Trim()));
            }

            if (candidates.Count > 1)
            {
                return TaskLookupResult.Ambiguous(candidates);
            }
        }

        return TaskLookupResult.NotFound;
    }

    /// <summary>
    /// The tasks the words name: an exact id or title first; else the tasks whose title or id has a distinct word for every
    /// word given, preferring those that need no typo allowance.
    /// </summary>
    private static (List<MaintenanceTask> Tasks, int Typos) Candidates(IReadOnlyList<MaintenanceTask> tasks, IReadOnlyList<string> words)
    {
        var phrase = string.Join(' ', words);
        var exact = tasks.Where(t => string.Equals(t.Id, phrase, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Title, phrase, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return (exact, 0);
        }

        var meaningful = words.Select(Normalize).Where(w => w.Length > 0 && !Filler.Contains(w)).ToList();
        if (meaningful.Count == 0)
        {
            return ([], 0);
        }

        var scored = tasks
            .Select(t => (Task: t, Typos: Typos(Tokens(t), meaningful)))
            .Where(s => s.Typos is not null)
            .ToList();
        if (scored.Count == 0)
        {
            return ([], 0);
        }

        var fewest = scored.Min(s => s.Typos!.Value);
        return (scored.Where(s => s.Typos == fewest).Select(s => s.Task).ToList(), fewest);
    }

    /// <summary>How many words needed a typo allowance to find a distinct token each, or null when some word found none.</summary>
    private static int? Typos(List<string> tokens, List<string> words)
    {
        var free = new List<string>(tokens);
        var typos = 0;
        foreach (var word in words)
        {
            var at = free.FindIndex(t => t == word || (word.Length >= 3 && t.StartsWith(word, StringComparison.Ordinal)));
            if (at < 0)
            {
                at = free.FindIndex(t => IsTypo(word, t));
                typos++;
            }

            if (at < 0)
            {
                return null;
            }

            free.RemoveAt(at);
        }

        return typos;
    }

    /// <summary>One slip in a word of 4 to 7 letters, two in a longer one; short words must be typed right.</summary>
    private static bool IsTypo(string word, string token)
    {
        if (word.Length < 4)
        {
            return false;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        return EditDistance.Bounded(word, token, allowed) <= allowed
            || (token.Length > word.Length && EditDistance.Bounded(word, token[..word.Length], allowed) <= allowed && word.Length >= 5);
    }

    private static bool IsSlip(string word, MaintenanceTask task)
    {
        var normalized = Normalize(word);
        return Tokens(task).Any(t => t.Length == normalized.Length && IsTypo(normalized, t));
    }

    private static List<string> Tokens(MaintenanceTask task) =>
        Words().Matches(task.Title).Select(m => Normalize(m.Value))
            .Concat(task.Id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Normalize))
            .Where(t => t.Length > 0 && !Filler.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string Normalize(string word) => word.Trim(',', '.', ';', ':', '!', '?', '(', ')', '\'', '"').ToLowerInvariant();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
