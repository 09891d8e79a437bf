using System.Globalization;
using System.Reflection;
using Quartz;
using SocBot.Scheduling;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SocBot.Catalog;

/// <summary>
/// Reads and validates a catalog file. Every problem is collected (duplicate ids, unknown team references, unknown cadence,
/// bad time zone, bad cron, empty titles, unknown keys …) and reported together; a catalog with any error is never returned.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The id of the escalation team when a task names none.</summary>
    public const string DefaultEscalationTeamId = "soc-oversight";

    /// <summary>The owner word for tasks every team runs.</summary>
    public const string AllTeamsOwner = "all-teams";

    public const int FormatVersion = 1;

    /// <summary>How the shipped default catalog is named in error messages.</summary>
    public const string DefaultCatalogName = "default-catalog.yaml (built in)";

    private const string DefaultResourceName = "SocBot.Catalog.default-catalog.yaml";

    /// <summary>Loads and validates a catalog file; throws <see cref="CatalogLoadException"/> listing every error.</summary>
    public static SocCatalog LoadFile(string path) => ReadFile(path).GetCatalogOrThrow();

    /// <summary>Reads and validates a catalog file; a file that cannot be read is reported as an error, not thrown.</summary>
    public static CatalogLoadResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CatalogLoadResult(null, [new CatalogError(path, 1, 1, "file", $"cannot be read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>The catalog that ships with SocBot, built from the two Microsoft seed documents.</summary>
    public static SocCatalog LoadDefault() => Parse(ReadDefaultText(), DefaultCatalogName).GetCatalogOrThrow();

    /// <summary>The text of the shipped default catalog file.</summary>
    public static string ReadDefaultText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses catalog text; <paramref name="file"/> names it in errors.</summary>
    public static CatalogLoadResult Parse(string text, string file)
    {
        var reader = new CatalogYamlReader(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            reader.Error((int)e.Start.Line, (int)e.Start.Column, "document", $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
            return new CatalogLoadResult(null, reader.Errors);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unterminated flow collections.
            reader.Error(1, 1, "document", "not valid YAML: the parser stopped at an unterminated '[', '{' or quote");
            return new CatalogLoadResult(null, reader.Errors);
        }

        if (stream.Documents.Count != 1)
        {
            reader.Error(1, 1, "document", $"expected exactly one YAML document, found {stream.Documents.Count}");
            return new CatalogLoadResult(null, reader.Errors);
        }

        var catalog = new Reading(reader).Read(stream.Documents[0].RootNode);
        return reader.Errors.Count == 0 ? new CatalogLoadResult(catalog, []) : new CatalogLoadResult(null, reader.Errors);
    }

    /// <summary>One pass over a document; <see cref="Read"/> returns a catalog only meaningful when no error was recorded.</summary>
    private sealed class Reading(CatalogYamlReader reader)
    {
        private readonly List<(YamlNode Node, string Place, string TeamId)> _teamReferences = [];
        private readonly List<(YamlNode Node, string Place, string SourceId)> _sourceReferences = [];

        public SocCatalog Read(YamlNode rootNode)
        {
            var root = reader.Mapping(rootNode, "", "version", "sources", "settings", "teams", "tasks", "synonyms");
            if (root is null)
            {
                return Empty();
            }

            ReadVersion(root);
            var sources = ReadSources(root);
            var teams = ReadTeams(root);
            var settingsNode = reader.Child(root, "settings");
            OrgSettings settings;
            if (settingsNode is null)
            {
                reader.Error(root, "settings", "'settings' is missing");
                settings = EmptySettings();
            }
            else
            {
                settings = ReadSettings(settingsNode);
            }

            var tasks = ReadTasks(root);
            var synonyms = ReadSynonyms(root);
            CheckReferences(teams, sources);
            return new SocCatalog(teams, tasks, settings, synonyms, sources);
        }

        private void ReadVersion(YamlMappingNode root)
        {
            var version = reader.OptionalString(root, "version", "");
            if (version is null)
            {
                reader.Error(root, "version", "'version' is missing");
            }
            else if (version != FormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                reader.Error(reader.Child(root, "version"), "version", $"unsupported catalog format version '{version}' (this SocBot reads {FormatVersion})");
            }
        }

        private List<SourceDocument> ReadSources(YamlMappingNode root)
        {
            var sources = new List<SourceDocument>();
            var items = reader.Sequence(root, "sources", "");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var place = $"sources[{i}]";
                var map = reader.Mapping(items[i], place, "id", "title", "file", "date", "sha256");
                if (map is null)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", place);
                if (id.Length > 0 && !seen.Add(id))
                {
                    reader.Error(reader.Child(map, "id"), place + ".id", $"duplicate source id '{id}'");
                }

                var dateNode = reader.Child(map, "date");
                var date = dateNode is null ? null : reader.ParseDate(dateNode, place + ".date");
                var sha = reader.RequiredString(map, "sha256", place);
                if (sha.Length > 0 && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)))
                {
                    reader.Error(reader.Child(map, "sha256"), place + ".sha256", "expected 64 hexadecimal digits");
                }

                sources.Add(new SourceDocument(id, reader.RequiredString(map, "title", place), reader.RequiredString(map, "file", place), date, sha));
            }

            return sources;
        }

        private List<SocTeam> ReadTeams(YamlMappingNode root)
        {
            var teams = new List<SocTeam>();
            var items = reader.Sequence(root, "teams", "");
            if (items.Count == 0)
            {
                reader.Error(root, "teams", "the catalog needs at least one team");
            }

            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < items.Count; i++)
            {
                var place = $"teams[{i}]";
                var map = reader.Mapping(
                    items[i], place, "id", "displayName", "aliases", "description", "responsibilities", "defenderTasks",
                    "contacts", "entraGroupId", "channel", "source");
                if (map is null)
                {
                    continue;
                }

                var id = ReadId(map, place, "team");
                if (id == AllTeamsOwner)
                {
                    reader.Error(reader.Child(map, "id"), place + ".id", $"'{AllTeamsOwner}' is reserved for tasks every team runs");
                }

                var displayName = reader.RequiredString(map, "displayName", place);
                var aliases = reader.StringList(map, "aliases", place);
                foreach (var name in aliases.Prepend(displayName).Prepend(id).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (names.TryGetValue(name, out var other))
                    {
                        reader.Error(map, place, other == id
                            ? $"duplicate team id '{id}'"
                            : $"name '{name}' of team '{id}' is already used by team '{other}'");
                    }
                    else
                    {
                        names[name] = id;
                    }
                }

                teams.Add(new SocTeam(
                    id,
                    displayName,
                    aliases,
                    reader.OptionalString(map, "description", place) ?? "",
                    reader.StringList(map, "responsibilities", place),
                    reader.StringList(map, "defenderTasks", place),
                    ReadContacts(map, place),
                    ReadGuid(map, "entraGroupId", place),
                    ReadChannel(map, place),
                    ReadSourceReference(map, place)));
            }

            return teams;
        }

        private List<TeamContact> ReadContacts(YamlMappingNode team, string place)
        {
            var contacts = new List<TeamContact>();
            var items = reader.Sequence(team, "contacts", place);
            for (var i = 0; i < items.Count; i++)
            {
                var contactPlace = $"{place}.contacts[{i}]";
                var map = reader.Mapping(items[i], contactPlace, "name", "upn", "email", "objectId");
                if (map is null)
                {
                    continue;
                }

                // "email" is what catalogs wrote before contacts had UPNs; for Teams it names the same person.
                var upnKey = reader.Child(map, "upn") is null && reader.Child(map, "email") is not null ? "email" : "upn";
                var upn = reader.OptionalString(map, upnKey, contactPlace);
                if (upn is not null && (!upn.Contains('@', StringComparison.Ordinal) || upn.Any(char.IsWhiteSpace)))
                {
                    reader.Error(reader.Child(map, upnKey), $"{contactPlace}.{upnKey}", $"'{upn}' is not a user principal name (name@domain)");
                }

                contacts.Add(new TeamContact(reader.RequiredString(map, "name", contactPlace), upn, ReadGuid(map, "objectId", contactPlace)));
            }

            return contacts;
        }

        private Guid? ReadGuid(YamlMappingNode map, string key, string place)
        {
            var text = reader.OptionalString(map, key, place);
            if (text is null)
            {
                return null;
            }

            if (Guid.TryParseExact(text, "D", out var guid))
            {
                return guid;
            }

            reader.Error(reader.Child(map, key), CatalogYamlReader.Join(place, key), $"'{text}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
            return null;
        }

        private ChannelBinding? ReadChannel(YamlMappingNode team, string place)
        {
            var node = reader.Child(team, "channel");
            if (node is null)
            {
                return null;
            }

            var channelPlace = place + ".channel";
            var map = reader.Mapping(node, channelPlace, "channelId", "teamsTeamId");
            return map is null
                ? null
                : new ChannelBinding(reader.RequiredString(map, "channelId", channelPlace), reader.OptionalString(map, "teamsTeamId", channelPlace));
        }

        private OrgSettings ReadSettings(YamlNode node)
        {
            const string place = "settings";
            var map = reader.Mapping(node, place, "timeZone", "workingDays", "holidays", "reminderTime", "due", "teams");
            if (map is null)
            {
                return EmptySettings();
            }

            var timeZone = reader.RequiredString(map, "timeZone", place);
            CheckTimeZone(map, timeZone, place);
            if (reader.Child(map, "workingDays") is null)
            {
                reader.Error(map, place, "'workingDays' is missing");
            }

            var workingDays = ReadWorkingDays(map, place) ?? [];
            var holidays = ReadHolidays(map, place) ?? [];
            var reminderTime = reader.OptionalTime(map, "reminderTime", place);
            if (reminderTime is null && reader.Child(map, "reminderTime") is null)
            {
                reader.Error(map, place, "'reminderTime' is missing");
            }

            var due = ReadDue(map, place);
            if (due is null && reader.Child(map, "due") is null)
            {
                reader.Error(map, place, "'due' is missing");
            }

            CheckDueAfterReminder(map, place, reminderTime, due);
            return new OrgSettings(
                timeZone,
                workingDays,
                holidays,
                reminderTime ?? TimeOnly.MinValue,
                due ?? new DueRules(TimeOnly.MaxValue, null),
                ReadOverrides(map, reminderTime, due));
        }

        private Dictionary<string, TeamSettingsOverride> ReadOverrides(YamlMappingNode settings, TimeOnly? orgReminder, DueRules? orgDue)
        {
            var overrides = new Dictionary<string, TeamSettingsOverride>(StringComparer.Ordinal);
            var node = reader.Child(settings, "teams");
            if (node is null)
            {
                return overrides;
            }

            if (node is not YamlMappingNode teams)
            {
                reader.Error(node, "settings.teams", "expected a mapping from team id to that team's settings");
                return overrides;
            }

            foreach (var (keyNode, valueNode) in teams.Children)
            {
                var teamId = (keyNode as YamlScalarNode)?.Value ?? "";
                var place = $"settings.teams.{teamId}";
                _teamReferences.Add((keyNode, place, teamId));
                var map = reader.Mapping(valueNode, place, "timeZone", "workingDays", "holidays", "reminderTime", "due");
                if (map is null)
                {
                    continue;
                }

                var timeZone = reader.OptionalString(map, "timeZone", place);
                if (timeZone is not null)
                {
                    CheckTimeZone(map, timeZone, place);
                }

                var reminderTime = reader.OptionalTime(map, "reminderTime", place);
                var due = ReadDue(map, place);
                if (reminderTime is not null || due is not null)
                {
                    CheckDueAfterReminder(map, place, reminderTime ?? orgReminder, due ?? orgDue);
                }
                overrides[teamId] = new TeamSettingsOverride(timeZone, ReadWorkingDays(map, place), ReadHolidays(map, place), reminderTime, due);
            }

            return overrides;
        }

        private void CheckTimeZone(YamlMappingNode map, string timeZone, string place)
        {
            if (timeZone.Length == 0)
            {
                return;
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
            {
                reader.Error(reader.Child(map, "timeZone"), place + ".timeZone", $"'{timeZone}' is not an IANA time zone (e.g. Europe/London)");
            }
        }

        private List<DayOfWeek>? ReadWorkingDays(YamlMappingNode map, string place)
        {
            if (reader.Child(map, "workingDays") is null)
            {
                return null;
            }

            var days = new List<DayOfWeek>();
            var items = reader.Sequence(map, "workingDays", place);
            for (var i = 0; i < items.Count; i++)
            {
                var text = (items[i] as YamlScalarNode)?.Value ?? "";
                if (!Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) || !Enum.IsDefined(day) || text.Any(char.IsDigit))
                {
                    reader.Error(items[i], $"{place}.workingDays[{i}]", $"'{text}' is not a day of the week (Monday … Sunday)");
                }
                else if (days.Contains(day))
                {
                    reader.Error(items[i], $"{place}.workingDays[{i}]", $"{day} is listed twice");
                }
                else
                {
                    days.Add(day);
                }
            }

            if (days.Count == 0 && items.Count == 0)
            {
                reader.Error(reader.Child(map, "workingDays"), place + ".workingDays", "at least one working day is needed");
            }

            return days;
        }

        private List<DateOnly>? ReadHolidays(YamlMappingNode map, string place)
        {
            if (reader.Child(map, "holidays") is null)
            {
                return null;
            }

            var holidays = new List<DateOnly>();
            var items = reader.Sequence(map, "holidays", place);
            for (var i = 0; i < items.Count; i++)
            {
                if (reader.ParseDate(items[i], $"{place}.holidays[{i}]") is { } date)
                {
                    holidays.Add(date);
                }
            }

            return holidays;
        }

        private DueRules? ReadDue(YamlMappingNode map, string place)
        {
            var node = reader.Child(map, "due");
            if (node is null)
            {
                return null;
            }

            var duePlace = place + ".due";
            var due = reader.Mapping(node, duePlace, "time", "workingDaysAfterReminder");
            if (due is null)
            {
                return null;
            }

            var time = reader.OptionalTime(due, "time", duePlace);
            if (time is null && reader.Child(due, "time") is null)
            {
                reader.Error(due, duePlace, "'time' is missing");
            }

            int? days = null;
            var daysText = reader.OptionalString(due, "workingDaysAfterReminder", duePlace);
            if (daysText is not null)
            {
                if (int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 366)
                {
                    days = parsed;
                }
                else
                {
                    reader.Error(reader.Child(due, "workingDaysAfterReminder"), duePlace + ".workingDaysAfterReminder", $"'{daysText}' is not a whole number from 0 to 366");
                }
            }

            return time is null ? null : new DueRules(time.Value, days);
        }

        private void CheckDueAfterReminder(YamlMappingNode map, string place, TimeOnly? reminder, DueRules? due)
        {
            // A same-day due time (daily tasks always, and "0 working days") must come after the reminder.
            if (reminder is { } r && due is { } d && d.WorkingDaysAfterReminder is null or 0 && d.Time <= r)
            {
                reader.Error(map, place, $"due time {d.Time:HH:mm} must be later than the reminder time {r:HH:mm}");
            }
        }

        private List<MaintenanceTask> ReadTasks(YamlMappingNode root)
        {
            var tasks = new List<MaintenanceTask>();
            var items = reader.Sequence(root, "tasks", "");
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < items.Count; i++)
            {
                var place = $"tasks[{i}]";
                var map = reader.Mapping(items[i], place, "id", "title", "description", "cadence", "owner", "escalation", "runbook", "schedule", "source");
                if (map is null)
                {
                    continue;
                }

                var id = ReadId(map, place, "task");
                if (id.Length > 0 && !ids.Add(id))
                {
                    reader.Error(reader.Child(map, "id"), place + ".id", $"duplicate task id '{id}'");
                }

                var cadenceText = reader.RequiredString(map, "cadence", place);
                if (!Cadence.TryParse(cadenceText, out var cadence) && cadenceText.Length > 0)
                {
                    reader.Error(reader.Child(map, "cadence"), place + ".cadence", $"unknown cadence '{cadenceText}' (expected {Cadence.AcceptedForms})");
                }

                var owner = reader.RequiredString(map, "owner", place);
                var allTeams = owner == AllTeamsOwner;
                if (!allTeams && owner.Length > 0)
                {
                    _teamReferences.Add((reader.Child(map, "owner")!, place + ".owner", owner));
                }

                var escalation = reader.OptionalString(map, "escalation", place) ?? DefaultEscalationTeamId;
                _teamReferences.Add((reader.Child(map, "escalation") ?? map, place + ".escalation", escalation));

                tasks.Add(new MaintenanceTask(
                    id,
                    reader.RequiredString(map, "title", place),
                    reader.OptionalString(map, "description", place) ?? "",
                    cadence ?? Cadence.AsNeeded,
                    allTeams ? null : owner,
                    allTeams,
                    ReadRunbook(map, place),
                    escalation,
                    ReadScheduleOverride(map, place, cadence),
                    ReadSourceReference(map, place)));
            }

            return tasks;
        }

        private Uri? ReadRunbook(YamlMappingNode task, string place)
        {
            var text = reader.OptionalString(task, "runbook", place);
            if (text is null)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            reader.Error(reader.Child(task, "runbook"), place + ".runbook", $"'{text}' is not an http(s) link");
            return null;
        }

        private ScheduleOverride? ReadScheduleOverride(YamlMappingNode task, string place, Cadence? cadence)
        {
            var node = reader.Child(task, "schedule");
            if (node is null)
            {
                return null;
            }

            var schedulePlace = place + ".schedule";
            var map = reader.Mapping(node, schedulePlace, "cron", "dueAfter");
            if (map is null)
            {
                return null;
            }

            if (cadence is { IsScheduled: false })
            {
                reader.Error(node, schedulePlace, "a schedule override needs a scheduled cadence (the period it picks a time in)");
            }

            var cron = reader.RequiredString(map, "cron", schedulePlace);
            if (cron.Length > 0)
            {
                try
                {
                    _ = new CronExpression(cron);
                }
                catch (FormatException e)
                {
                    reader.Error(reader.Child(map, "cron"), schedulePlace + ".cron", $"'{cron}' is not a Quartz cron expression: {e.Message}");
                }
            }

            var dueAfterText = reader.RequiredString(map, "dueAfter", schedulePlace);
            var dueAfter = TimeSpan.Zero;
            if (dueAfterText.Length > 0
                && (!TimeSpan.TryParse(dueAfterText, CultureInfo.InvariantCulture, out dueAfter) || dueAfter <= TimeSpan.Zero))
            {
                reader.Error(reader.Child(map, "dueAfter"), schedulePlace + ".dueAfter", $"'{dueAfterText}' is not a positive duration ([d.]hh:mm[:ss], e.g. \"08:00\")");
            }

            return new ScheduleOverride(cron, dueAfter);
        }

        private List<SynonymEntry> ReadSynonyms(YamlMappingNode root)
        {
            var synonyms = new List<SynonymEntry>();
            var items = reader.Sequence(root, "synonyms", "");
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < items.Count; i++)
            {
                var place = $"synonyms[{i}]";
                var map = reader.Mapping(items[i], place, "term", "variants");
                if (map is null)
                {
                    continue;
                }

                var term = reader.RequiredString(map, "term", place);
                var variants = reader.StringList(map, "variants", place);
                if (variants.Count == 0)
                {
                    reader.Error(map, place, $"synonym '{term}' needs at least one variant");
                }

                foreach (var word in variants.Prepend(term).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (owners.TryGetValue(word, out var other))
                    {
                        reader.Error(map, place, $"'{word}' already means '{other}'");
                    }
                    else
                    {
                        owners[word] = term;
                    }
                }

                synonyms.Add(new SynonymEntry(term, variants));
            }

            return synonyms;
        }

        private string ReadId(YamlMappingNode map, string place, string what)
        {
            var id = reader.RequiredString(map, "id", place);
            if (id.Length > 0 && !OccurrenceKey.IsSafeId(id))
            {
                reader.Error(reader.Child(map, "id"), place + ".id", $"{what} id '{id}' must be lower-case letters and digits, words joined by '-'");
            }

            return id;
        }

        private string? ReadSourceReference(YamlMappingNode map, string place)
        {
            var source = reader.OptionalString(map, "source", place);
            if (source is not null)
            {
                _sourceReferences.Add((reader.Child(map, "source")!, place + ".source", source));
            }

            return source;
        }

        private void CheckReferences(List<SocTeam> teams, List<SourceDocument> sources)
        {
            var teamIds = teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (node, place, teamId) in _teamReferences.Where(r => !teamIds.Contains(r.TeamId)))
            {
                reader.Error(node, place, $"unknown team '{teamId}' (teams: {string.Join(", ", teamIds.Order(StringComparer.Ordinal))})");
            }

            var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (node, place, sourceId) in _sourceReferences.Where(r => !sourceIds.Contains(r.SourceId)))
            {
                reader.Error(node, place, $"unknown source document '{sourceId}'");
            }
        }

        private static OrgSettings EmptySettings() =>
            new("Etc/UTC", [], [], TimeOnly.MinValue, new DueRules(TimeOnly.MaxValue, null), new Dictionary<string, TeamSettingsOverride>());

        private static SocCatalog Empty() => new([], [], EmptySettings(), [], []);
    }
}
