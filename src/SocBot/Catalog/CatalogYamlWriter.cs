using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SocBot.Catalog;

/// <summary>
/// Writes a catalog in the file format <see cref="CatalogLoader"/> reads, always in the same layout and key order,
/// so an imported catalog can be compared with the shipped one and diffs stay small.
/// </summary>
public static class CatalogYamlWriter
{
    private const string Header =
        """
        yaml-language-server: $schema=./catalog.schema.json
        SocBot catalog: the SOC teams (roles matrix), recurring maintenance tasks, schedule settings and synonyms.
        Edit freely; `socbot catalog validate <file>` lists every problem. Point SocBot:CatalogPath at your copy.
        The schema above (src/SocBot/Catalog/catalog.schema.json in the repository) gives editors completion and checks.
        """;

    // Written while no team has contacts, so a fresh catalog shows how to add the people an overdue task mentions.
    private const string ContactsExample =
        """
        Each team may list contacts: they are @mentioned in a reminder's thread when it is overdue, and named on the
        escalation summary. Give each one's Entra object id (Teams mentions by it most reliably), their UPN, or both:
          - id: monitoring
            displayName: Monitoring
            contacts:
              - name: Ada Lovelace
                objectId: 00000000-0000-0000-0000-000000000000
                upn: ada.lovelace@contoso.com
        """;

    public static string Write(SocCatalog catalog)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(catalog, writer);
        return writer.ToString();
    }

    public static void Write(SocCatalog catalog, TextWriter writer)
    {
        var emitter = new Emitter(writer, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n").WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        foreach (var line in Header.Split('\n'))
        {
            emitter.Emit(new Comment(line, false));
        }

        emitter.Emit(new MappingStart());
        Pair(emitter, "version", CatalogLoader.FormatVersion.ToString(CultureInfo.InvariantCulture));
        WriteSources(emitter, catalog.Provenance);
        WriteSettings(emitter, catalog.Settings);
        if (catalog.Teams.All(t => t.Contacts.Count == 0))
        {
            foreach (var line in ContactsExample.Split('\n'))
            {
                emitter.Emit(new Comment(line, false));
            }
        }

        WriteTeams(emitter, catalog.Teams);
        WriteTasks(emitter, catalog.Tasks);
        WriteSynonyms(emitter, catalog.Synonyms);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    private static void WriteSources(IEmitter emitter, IReadOnlyList<SourceDocument> sources)
    {
        Key(emitter, "sources");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var source in sources)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", source.Id);
            Pair(emitter, "title", source.Title);
            Pair(emitter, "file", source.File);
            OptionalPair(emitter, "date", source.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Pair(emitter, "sha256", source.Sha256);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void WriteSettings(IEmitter emitter, OrgSettings settings)
    {
        Key(emitter, "settings");
        emitter.Emit(new MappingStart());
        Pair(emitter, "timeZone", settings.TimeZone);
        FlowList(emitter, "workingDays", settings.WorkingDays.Select(d => d.ToString()));
        FlowList(emitter, "holidays", settings.Holidays.Select(FormatDate));
        Pair(emitter, "reminderTime", FormatTime(settings.ReminderTime), ScalarStyle.DoubleQuoted);
        WriteDue(emitter, settings.Due);
        if (settings.TeamOverrides.Count > 0)
        {
            Key(emitter, "teams");
            emitter.Emit(new MappingStart());
            foreach (var (teamId, team) in settings.TeamOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Key(emitter, teamId);
                emitter.Emit(new MappingStart());
                OptionalPair(emitter, "timeZone", team.TimeZone);
                if (team.WorkingDays is not null)
                {
                    FlowList(emitter, "workingDays", team.WorkingDays.Select(d => d.ToString()));
                }

                if (team.Holidays is not null)
                {
                    FlowList(emitter, "holidays", team.Holidays.Select(FormatDate));
                }

                if (team.ReminderTime is { } reminder)
                {
                    Pair(emitter, "reminderTime", FormatTime(reminder), ScalarStyle.DoubleQuoted);
                }

                if (team.Due is not null)
                {
                    WriteDue(emitter, team.Due);
                }

                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new MappingEnd());
    }

    private static void WriteDue(IEmitter emitter, DueRules due)
    {
        Key(emitter, "due");
        emitter.Emit(new MappingStart());
        Pair(emitter, "time", FormatTime(due.Time), ScalarStyle.DoubleQuoted);
        OptionalPair(emitter, "workingDaysAfterReminder", due.WorkingDaysAfterReminder?.ToString(CultureInfo.InvariantCulture));
        emitter.Emit(new MappingEnd());
    }

    private static void WriteTeams(IEmitter emitter, IReadOnlyList<SocTeam> teams)
    {
        Key(emitter, "teams");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var team in teams)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", team.Id);
            Pair(emitter, "displayName", team.DisplayName);
            BlockList(emitter, "aliases", team.Aliases);
            if (team.Description.Length > 0)
            {
                Pair(emitter, "description", team.Description);
            }

            BlockList(emitter, "responsibilities", team.Responsibilities);
            BlockList(emitter, "defenderTasks", team.DefenderTasks);
            if (team.Contacts.Count > 0)
            {
                Key(emitter, "contacts");
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var contact in team.Contacts)
                {
                    emitter.Emit(new MappingStart());
                    Pair(emitter, "name", contact.Name);
                    OptionalPair(emitter, "objectId", contact.ObjectId?.ToString("D"));
                    OptionalPair(emitter, "upn", contact.Upn);
                    emitter.Emit(new MappingEnd());
                }

                emitter.Emit(new SequenceEnd());
            }

            OptionalPair(emitter, "entraGroupId", team.EntraGroupId?.ToString("D"));
            if (team.ChannelBinding is { } channel)
            {
                Key(emitter, "channel");
                emitter.Emit(new MappingStart());
                Pair(emitter, "channelId", channel.ChannelId);
                OptionalPair(emitter, "teamsTeamId", channel.TeamsTeamId);
                emitter.Emit(new MappingEnd());
            }

            OptionalPair(emitter, "source", team.Source);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void WriteTasks(IEmitter emitter, IReadOnlyList<MaintenanceTask> tasks)
    {
        Key(emitter, "tasks");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var task in tasks)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", task.Id);
            Pair(emitter, "title", task.Title);
            if (task.Description.Length > 0)
            {
                Pair(emitter, "description", task.Description);
            }

            Pair(emitter, "cadence", task.Cadence.ToString());
            Pair(emitter, "owner", task.AllTeams ? CatalogLoader.AllTeamsOwner : task.OwnerTeamId ?? "");
            Pair(emitter, "escalation", task.EscalationTeamId);
            OptionalPair(emitter, "runbook", task.RunbookUrl?.ToString());
            if (task.ScheduleOverride is { } schedule)
            {
                Key(emitter, "schedule");
                emitter.Emit(new MappingStart());
                Pair(emitter, "cron", schedule.Cron, ScalarStyle.DoubleQuoted);
                Pair(emitter, "dueAfter", schedule.DueAfter.ToString("c", CultureInfo.InvariantCulture), ScalarStyle.DoubleQuoted);
                emitter.Emit(new MappingEnd());
            }

            OptionalPair(emitter, "source", task.Source);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void WriteSynonyms(IEmitter emitter, IReadOnlyList<SynonymEntry> synonyms)
    {
        Key(emitter, "synonyms");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var synonym in synonyms)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "term", synonym.Term);
            FlowList(emitter, "variants", synonym.Variants);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Key(IEmitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Pair(IEmitter emitter, string key, string value, ScalarStyle style = ScalarStyle.Any)
    {
        Key(emitter, key);
        Value(emitter, value, style);
    }

    /// <summary>A value; text a reader would take for null is quoted, because the emitter writes it plain.</summary>
    private static void Value(IEmitter emitter, string value, ScalarStyle style = ScalarStyle.Any)
    {
        var readsAsNull = value is "" or "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase);
        emitter.Emit(new Scalar(null, null, value, readsAsNull ? ScalarStyle.DoubleQuoted : style, true, true));
    }

    private static void OptionalPair(IEmitter emitter, string key, string? value)
    {
        if (value is not null)
        {
            Pair(emitter, key, value);
        }
    }

    private static void BlockList(IEmitter emitter, string key, IEnumerable<string> values) =>
        List(emitter, key, values, SequenceStyle.Block);

    private static void FlowList(IEmitter emitter, string key, IEnumerable<string> values) =>
        List(emitter, key, values, SequenceStyle.Flow);

    private static void List(IEmitter emitter, string key, IEnumerable<string> values, SequenceStyle style)
    {
        var items = values.ToList();
        Key(emitter, key);
        emitter.Emit(new SequenceStart(null, null, false, items.Count == 0 ? SequenceStyle.Flow : style));
        foreach (var item in items)
        {
            Value(emitter, item);
        }

        emitter.Emit(new SequenceEnd());
    }
}
