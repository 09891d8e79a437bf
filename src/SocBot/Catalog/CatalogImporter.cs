using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocBot.Catalog;

/// <summary>
/// Builds a catalog from Microsoft's documentation pages: the maintenance tasks page (Activity, Description, Cadence,
/// Team assigned) and the roles matrix page (SOC team, Roles and responsibilities, Microsoft 365 Defender tasks).
/// The pages are written for people, so cells are cleaned up; every change is reported as an <see cref="ImportNote"/>.
/// </summary>
public static partial class CatalogImporter
{
    private const string AllTeamsName = "All SOC Teams";

    /// <summary>Imports the two pages; throws <see cref="CatalogLoadException"/> naming every row it cannot understand.</summary>
    public static CatalogImportResult Import(byte[] tasksPage, string tasksFile, byte[] rolesPage, string rolesFile)
    {
        var notes = new List<ImportNote>();
        var errors = new List<CatalogError>();
        var roles = MarkdownDocument.Parse(rolesPage, rolesFile, notes);
        var rolesSource = ToSource(roles);
        var teams = ImportTeams(roles, rolesSource.Id, notes, errors);

        var tasksDocument = MarkdownDocument.Parse(tasksPage, tasksFile, notes);
        var tasksSource = ToSource(tasksDocument);
        var tasks = ImportTasks(tasksDocument, tasksSource.Id, teams, notes, errors);
        if (errors.Count > 0)
        {
            throw new CatalogLoadException(errors);
        }

        notes.Add(new ImportNote(tasksFile, 1, $"added the default settings ({SocVocabulary.DefaultSettings.TimeZone}, Monday-Friday, reminders 09:00, due 17:00 at the end of each period) and {SocVocabulary.Synonyms.Count} SOC synonyms"));
        var catalog = new SocCatalog(teams, tasks, SocVocabulary.DefaultSettings, SocVocabulary.Synonyms, [tasksSource, rolesSource]);
        return new CatalogImportResult(catalog, notes);
    }

    private static SourceDocument ToSource(MarkdownDocument document)
    {
        DateOnly? date = null;
        if (document.FrontMatter.TryGetValue("ms.date", out var text)
            && DateOnly.TryParseExact(text, ["MM/dd/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }

        var file = Path.GetFileName(document.File);
        var title = document.FrontMatter.GetValueOrDefault("title") ?? Path.GetFileNameWithoutExtension(file);
        return new SourceDocument(Path.GetFileNameWithoutExtension(file), title, file, date, document.Sha256);
    }

    private static List<SocTeam> ImportTeams(MarkdownDocument roles, string sourceId, List<ImportNote> notes, List<CatalogError> errors)
    {
        var columns = FindColumns(roles, errors, ("team", ["SOC team", "Team"]), ("roles", ["Roles and responsibilities", "Responsibilities"]), ("defender", ["Microsoft 365 Defender tasks", "Defender tasks"]));
        var teams = new List<SocTeam>();
        if (columns is null)
        {
            return teams;
        }

        foreach (var row in roles.Rows)
        {
            var cell = new CellReader(roles.File, row, notes);
            var name = cell.Text(columns["team"], "SOC team");
            if (name.Length == 0)
            {
                errors.Add(new CatalogError(roles.File, row.Line, 1, "SOC team", "the team name is empty"));
                continue;
            }

            var aliases = new List<string>();
            var abbreviation = Abbreviation().Match(name);
            if (abbreviation.Success)
            {
                aliases.Add(abbreviation.Groups["name"].Value);
                aliases.Add(abbreviation.Groups["abbr"].Value);
            }

            if (name.Contains('&', StringComparison.Ordinal))
            {
                aliases.Add(name.Replace("&", "and", StringComparison.Ordinal));
            }

            string id;
            if (SocVocabulary.Teams.TryGetValue(name, out var known))
            {
                id = known.Id;
                aliases.AddRange(known.Aliases);
                notes.Add(new ImportNote(roles.File, row.Line, $"team '{name}' is a known SOC team: id '{id}', aliases {string.Join(", ", aliases)}"));
            }
            else
            {
                id = Slug(abbreviation.Success ? abbreviation.Groups["abbr"].Value : name);
                notes.Add(new ImportNote(roles.File, row.Line, $"team '{name}' gets id '{id}' from its name" + (aliases.Count > 0 ? $", aliases {string.Join(", ", aliases)}" : "")));
            }

            teams.Add(new SocTeam(
                id,
                name,
                aliases.Distinct(StringComparer.OrdinalIgnoreCase).Where(a => !a.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList(),
                "",
                cell.List(columns["roles"], "Roles and responsibilities"),
                cell.List(columns["defender"], "Microsoft 365 Defender tasks"),
                [],
                null,
                null,
                sourceId));
        }

        return teams;
    }

    private static List<MaintenanceTask> ImportTasks(MarkdownDocument page, string sourceId, List<SocTeam> teams, List<ImportNote> notes, List<CatalogError> errors)
    {
        var columns = FindColumns(page, errors, ("title", ["Activity", "Task"]), ("description", ["Description"]), ("cadence", ["Cadence"]), ("team", ["Team assigned", "Team", "Owner"]));
        var tasks = new List<MaintenanceTask>();
        if (columns is null)
        {
            return tasks;
        }

        var escalation = teams.Any(t => t.Id == CatalogLoader.DefaultEscalationTeamId) ? CatalogLoader.DefaultEscalationTeamId : teams.FirstOrDefault()?.Id ?? "";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in page.Rows)
        {
            var cell = new CellReader(page.File, row, notes);
            var title = cell.Text(columns["title"], "Activity");
            var description = cell.Text(columns["description"], "Description");
            var cadence = ReadCadence(cell.Text(columns["cadence"], "Cadence"), page.File, row.Line, notes, errors);
            var teamName = cell.Text(columns["team"], "Team assigned");
            if (title.Length == 0)
            {
                errors.Add(new CatalogError(page.File, row.Line, 1, "Activity", "the task title is empty"));
                continue;
            }

            var id = Slug(title);
            if (!ids.Add(id))
            {
                errors.Add(new CatalogError(page.File, row.Line, 1, "Activity", $"task '{title}' has the same id '{id}' as an earlier task"));
            }

            var allTeams = Fold(teamName) == Fold(AllTeamsName);
            string? owner = null;
            if (allTeams)
            {
                if (teamName != AllTeamsName)
                {
                    notes.Add(new ImportNote(page.File, row.Line, $"team '{teamName}' read as '{AllTeamsName}' (owner {CatalogLoader.AllTeamsOwner})"));
                }
            }
            else
            {
                owner = MatchTeam(teamName, teams, page.File, row.Line, notes, errors);
            }

            tasks.Add(new MaintenanceTask(id, title, description, cadence ?? Cadence.AsNeeded, owner, allTeams, null, escalation, null, sourceId));
        }

        return tasks;
    }

    private static string? MatchTeam(string name, List<SocTeam> teams, string file, int line, List<ImportNote> notes, List<CatalogError> errors)
    {
        var exact = teams.FirstOrDefault(t => t.DisplayName == name);
        if (exact is not null)
        {
            return exact.Id;
        }

        var folded = teams.FirstOrDefault(t => t.Aliases.Prepend(t.DisplayName).Prepend(t.Id).Any(n => Fold(n) == Fold(name)));
        if (folded is not null)
        {
            notes.Add(new ImportNote(file, line, $"team '{name}' read as '{folded.DisplayName}' ({folded.Id})"));
            return folded.Id;
        }

        errors.Add(new CatalogError(file, line, 1, "Team assigned", $"'{name}' is not a team of the roles matrix ({string.Join(", ", teams.Select(t => t.DisplayName))}) nor '{AllTeamsName}'"));
        return null;
    }

    private static Cadence? ReadCadence(string text, string file, int line, List<ImportNote> notes, List<CatalogError> errors)
    {
        if (Cadence.TryParse(text, out var cadence))
        {
            return cadence;
        }

        // A cell like "Weekly SOC" (a tab and a stray word in the published page): keep the longest leading run of
        // words that is a cadence, and say what was dropped.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length - 1; count > 0; count--)
        {
            if (Cadence.TryParse(string.Join(' ', words[..count]), out cadence))
            {
                notes.Add(new ImportNote(file, line, $"cadence '{text}': dropped stray text '{string.Join(' ', words[count..])}', read as '{cadence}'"));
                return cadence;
            }
        }

        errors.Add(new CatalogError(file, line, 1, "Cadence", $"unknown cadence '{text}' (expected {Cadence.AcceptedForms})"));
        return null;
    }

    private static Dictionary<string, int>? FindColumns(MarkdownDocument page, List<CatalogError> errors, params (string Key, string[] Names)[] wanted)
    {
        var header = page.Header.Select(h => CellReader.Clean(h)).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, names) in wanted)
        {
            var index = header.FindIndex(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors.Add(new CatalogError(page.File, 1, 1, "table header", $"no '{names[0]}' column (found: {string.Join(", ", header)})"));
            }
            else
            {
                columns[key] = index;
            }
        }

        return columns.Count == wanted.Length ? columns : null;
    }

    /// <summary>Compares team names the way people write them: case, '&amp;' versus 'and', and spacing do not matter.</summary>
    private static string Fold(string name) =>
        string.Join(' ', name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An id from a name: lower-case words of letters and digits joined by '-' ("Update SOC escalation tickets" → update-soc-escalation-tickets).</summary>
    private static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (builder.Length > 0 && builder[^1] != '-' && ch != '\'')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*\((?<abbr>[A-Z][A-Za-z0-9]+)\)$")]
    private static partial Regex Abbreviation();
}
