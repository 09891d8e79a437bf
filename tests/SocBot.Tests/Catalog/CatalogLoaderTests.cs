using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    /// <summary>A small valid catalog; tests replace one line to break it in one way. Line numbers are 1-based.</summary>
    private const string Valid =
        """
        version: 1
        sources:
          - id: doc
            title: Doc
            file: doc.md
            sha256: 0000000000000000000000000000000000000000000000000000000000000000
        settings:
          timeZone: Europe/London
          workingDays: [Monday, Tuesday, Wednesday, Thursday, Friday]
          holidays: [2026-12-25]
          reminderTime: "09:00"
          due:
            time: "17:00"
          teams:
            csirt:
              timeZone: America/New_York
        teams:
          - id: soc-oversight
            displayName: SOC Oversight
            aliases: [Oversight]
            source: doc
          - id: csirt
            displayName: CSIRT
            aliases: [IR]
        tasks:
          - id: tickets
            title: Update tickets
            cadence: Daily
            owner: all-teams
          - id: report
            title: Report
            cadence: Weekly and as needed
            owner: csirt
            escalation: soc-oversight
            schedule:
              cron: "0 30 7 ? * TUE"
              dueAfter: "08:00"
            source: doc
        synonyms:
          - term: Microsoft Defender for Endpoint
            variants: [MDE]
        """;

    [Fact]
    public void Parse_ValidCatalog_ReadsEverything()
    {
        var result = CatalogLoader.Parse(Valid, "catalog.yaml");

        Assert.Empty(result.Errors);
        var catalog = result.Catalog!;
        Assert.Equal("Europe/London", catalog.Settings.TimeZone);
        Assert.Equal([new DateOnly(2026, 12, 25)], catalog.Settings.Holidays);
        Assert.Equal("America/New_York", catalog.Settings.For("csirt").TimeZone.Id);
        Assert.Equal("Europe/London", catalog.Settings.For("soc-oversight").TimeZone.Id);
        Assert.Same(catalog.Teams[1], catalog.FindTeam("ir"));
        var report = catalog.FindTask("report")!;
        Assert.Equal(new ScheduleOverride("0 30 7 ? * TUE", TimeSpan.FromHours(8)), report.ScheduleOverride);
        Assert.Equal("soc-oversight", catalog.FindTask("tickets")!.EscalationTeamId);
        Assert.Equal(2, catalog.TasksFor("csirt").Count);
        Assert.Single(catalog.TasksFor("soc-oversight"));
        Assert.Equal(2, catalog.TeamsFor(catalog.FindTask("tickets")!).Count);
    }

    [Fact]
    public void LoadDefault_WithNothingConfigured_LoadsTheShippedCatalog()
    {
        var catalog = CatalogLoader.LoadDefault();

        Assert.Equal(5, catalog.Teams.Count);
        Assert.Equal(8, catalog.Tasks.Count);
        Assert.Contains(catalog.Synonyms, s => s.Variants.Contains("MCAS"));
    }

    [Theory]
    [InlineData("  - id: csirt", "  - id: soc-oversight\n    displayName: Other\n  - id: csirt", 22, "teams[1]", "duplicate team id 'soc-oversight'")]
    [InlineData("  - id: report", "  - id: tickets", 30, "tasks[1].id", "duplicate task id 'tickets'")]
    [InlineData("    owner: csirt", "    owner: red-team", 33, "tasks[1].owner", "unknown team 'red-team'")]
    [InlineData("    escalation: soc-oversight", "    escalation: management", 34, "tasks[1].escalation", "unknown team 'management'")]
    [InlineData("    csirt:", "    blue-team:", 15, "settings.teams.blue-team", "unknown team 'blue-team'")]
    [InlineData("    cadence: Daily", "    cadence: Fortnightly", 28, "tasks[0].cadence", "unknown cadence 'Fortnightly'")]
    [InlineData("  timeZone: Europe/London", "  timeZone: Mars/Olympus", 8, "settings.timeZone", "'Mars/Olympus' is not an IANA time zone")]
    [InlineData("  timeZone: Europe/London", "  timeZone: GMT Standard Time", 8, "settings.timeZone", "'GMT Standard Time' is not an IANA time zone")]
    [InlineData("      timeZone: America/New_York", "      timeZone: Eastern Time", 16, "settings.teams.csirt.timeZone", "'Eastern Time' is not an IANA time zone")]
    [InlineData("      cron: \"0 30 7 ? * TUE\"", "      cron: \"0 30 7 ? * FUNDAY\"", 36, "tasks[1].schedule.cron", "is not a Quartz cron expression")]
    [InlineData("    title: Update tickets", "    title: \"  \"", 27, "tasks[0].title", "must not be empty")]
    [InlineData("    title: Update tickets", "    title: Update tickets\n    owners: [csirt]", 28, "tasks[0].owners", "unknown key 'owners'")]
    [InlineData("    title: Report", "    description: Report", 30, "tasks[1]", "'title' is missing")]
    [InlineData("  - id: report", "  - id: Weekly_Report", 30, "tasks[1].id", "must be lower-case letters and digits")]
    [InlineData("  reminderTime: \"09:00\"", "  reminderTime: \"9am\"", 11, "settings.reminderTime", "'9am' is not a time of day")]
    [InlineData("  reminderTime: \"09:00\"", "  reminderTime: \"18:00\"", 8, "settings", "due time 17:00 must be later than the reminder time 18:00")]
    [InlineData("  holidays: [2026-12-25]", "  holidays: [2026-02-30]", 10, "settings.holidays[0]", "'2026-02-30' is not a date")]
    [InlineData("  workingDays: [Monday, Tuesday, Wednesday, Thursday, Friday]", "  workingDays: [Monday, Funday]", 9, "settings.workingDays[1]", "'Funday' is not a day of the week")]
    [InlineData("    aliases: [IR]", "    aliases: [Oversight]", 22, "teams[1]", "name 'Oversight' of team 'csirt' is already used by team 'soc-oversight'")]
    [InlineData("    variants: [MDE]", "    variants: []", 40, "synonyms[0]", "needs at least one variant")]
    [InlineData("      dueAfter: \"08:00\"", "      dueAfter: \"-01:00\"", 37, "tasks[1].schedule.dueAfter", "is not a positive duration")]
    [InlineData("    cadence: Weekly and as needed", "    cadence: As needed", 36, "tasks[1].schedule", "needs a scheduled cadence")]
    [InlineData("    source: doc\n  - id: csirt", "    source: other\n  - id: csirt", 21, "teams[0].source", "unknown source document 'other'")]
    [InlineData("version: 1", "version: 2", 1, "version", "unsupported catalog format version '2'")]
    public void Parse_OneMistake_ReportsItWithItsPlace(string line, string replacement, int expectedLine, string place, string message)
    {
        Assert.Contains(line, Valid, StringComparison.Ordinal);

        var result = CatalogLoader.Parse(Valid.Replace(line, replacement, StringComparison.Ordinal), "catalog.yaml");

        Assert.Null(result.Catalog);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("catalog.yaml", expectedLine, place), (error.File, error.Line, error.Place));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneAtOnce()
    {
        var broken = Valid
            .Replace("  timeZone: Europe/London", "  timeZone: Nowhere/Land", StringComparison.Ordinal)
            .Replace("    cadence: Daily", "    cadence: Hourly", StringComparison.Ordinal)
            .Replace("    owner: csirt", "    owner: nobody", StringComparison.Ordinal)
            .Replace("      cron: \"0 30 7 ? * TUE\"", "      cron: \"not a cron\"", StringComparison.Ordinal)
            .Replace("    title: Report", "    title: \"\"", StringComparison.Ordinal);

        var result = CatalogLoader.Parse(broken, "catalog.yaml");

        Assert.Null(result.Catalog);
        Assert.Equal(
            ["settings.timeZone", "tasks[0].cadence", "tasks[1].title", "tasks[1].schedule.cron", "tasks[1].owner"],
            result.Errors.Select(e => e.Place));
        Assert.Equal([8, 28, 31, 36, 33], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsTheSyntaxErrorWithItsLine()
    {
        var result = CatalogLoader.Parse(Valid.Replace("    displayName: CSIRT", "    displayName: CSIRT: IR", StringComparison.Ordinal), "catalog.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("document", 23), (error.Place, error.Line));
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnterminatedList_ReportsInvalidYaml()
    {
        var result = CatalogLoader.Parse(Valid.Replace("    aliases: [IR]", "    aliases: [IR", StringComparison.Ordinal), "catalog.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("document", error.Place);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootIsNotAMapping_ReportsIt()
    {
        var error = Assert.Single(CatalogLoader.Parse("- just\n- a list\n", "catalog.yaml").Errors);

        Assert.Equal((1, "expected a mapping with keys version, sources, settings, teams, tasks, synonyms"), (error.Line, error.Message));
    }

    [Fact]
    public void LoadFile_BrokenFile_ThrowsWithEveryErrorInTheMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"socbot-catalog-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Valid.Replace("    cadence: Daily", "    cadence: Hourly", StringComparison.Ordinal).Replace("  - id: report", "  - id: tickets", StringComparison.Ordinal));
        try
        {
            var exception = Assert.Throws<CatalogLoadException>(() => CatalogLoader.LoadFile(path));

            Assert.Equal(2, exception.Errors.Count);
            Assert.All(exception.Errors, e => Assert.Equal(path, e.File));
            Assert.Contains($"{path}:28:", exception.Message, StringComparison.Ordinal);
            Assert.Contains($"{path}:30:", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ThenParse_RoundTripsTheSameText()
    {
        var catalog = CatalogLoader.Parse(Valid, "catalog.yaml").Catalog!;

        var text = CatalogYamlWriter.Write(catalog);
        var again = CatalogLoader.Parse(text, "written.yaml");

        Assert.Empty(again.Errors);
        Assert.Equal(text, CatalogYamlWriter.Write(again.Catalog!));
        Assert.Equal(new ScheduleOverride("0 30 7 ? * TUE", TimeSpan.FromHours(8)), again.Catalog!.FindTask("report")!.ScheduleOverride);
        Assert.Equal("America/New_York", again.Catalog.Settings.TeamOverrides["csirt"].TimeZone);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("~")]
    [InlineData("Check: #1 *urgent*")]
    [InlineData("- starts like a list item")]
    [InlineData("'quoted' and \"double\"")]
    [InlineData("@home & 50% off, [brackets] {braces}")]
    [InlineData("true")]
    [InlineData("0123")]
    [InlineData("Ünïcödé – dash")]
    public void Write_TextThatLooksLikeYamlSyntax_ReadsBackUnchanged(string text)
    {
        var catalog = CatalogLoader.Parse(Valid, "catalog.yaml").Catalog!;
        var task = catalog.Tasks[0] with { Title = text, Description = text };
        var team = catalog.Teams[0] with { DisplayName = text, Aliases = [], Responsibilities = [text] };
        var changed = catalog with { Tasks = [task, catalog.Tasks[1]], Teams = [team, catalog.Teams[1]] };

        var again = CatalogLoader.Parse(CatalogYamlWriter.Write(changed), "written.yaml");

        Assert.Empty(again.Errors);
        Assert.Equal((text, text), (again.Catalog!.Tasks[0].Title, again.Catalog.Tasks[0].Description));
        Assert.Equal(text, again.Catalog.Teams[0].DisplayName);
        Assert.Equal([text], again.Catalog.Teams[0].Responsibilities);
    }
}
