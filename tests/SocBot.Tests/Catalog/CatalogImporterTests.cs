using System.Text;
using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

public sealed class CatalogImporterTests
{
    private const string RolesTable =
        """
        | SOC team | Roles and responsibilities | Microsoft 365 Defender tasks |
        |:---|:---|:---|
        | SOC Oversight | Governance | Portal access |
        | Monitoring | Alerts | Portal |
        | Engineering & SecOps | Engineering | MDCA |
        """;

    [Fact]
    public void Import_SeedFixtures_YieldsTheShippedDefaultCatalogExactly()
    {
        var result = ImportSeeds();

        var written = CatalogYamlWriter.Write(result.Catalog);

        Assert.Equal(File.ReadAllText(SeedFiles.ShippedCatalogPath), written);
        Assert.Equal(CatalogLoader.ReadDefaultText(), written);
    }

    [Fact]
    public void Import_SeedFixtures_ListsEachQuirkWithItsLine()
    {
        var notes = ImportSeeds().Notes;

        var tasks = Path.GetFileName(SeedFiles.TasksPath);
        var roles = Path.GetFileName(SeedFiles.RolesPath);
        AssertNote(notes, tasks, 43, "dropped stray text 'SOC'");
        AssertNote(notes, tasks, 39, "team 'Engineering and SecOps' read as 'Engineering & SecOps'");
        AssertNote(notes, tasks, 44, "team 'All SOC teams' read as 'All SOC Teams'");
        AssertNote(notes, tasks, 45, "skipped empty table row");
        AssertNote(notes, tasks, 28, "skipped include line");
        AssertNote(notes, tasks, 1, "read front matter");
        AssertNote(notes, roles, 51, "2 unclosed <ul> tag(s)");
        AssertNote(notes, roles, 54, "bold markers removed");
        AssertNote(notes, roles, 55, "skipped empty table row");
        AssertNote(notes, roles, 61, "skipped include line");
    }

    [Fact]
    public void Import_SeedFixtures_ReadsTeamsTasksAndProvenance()
    {
        var catalog = ImportSeeds().Catalog;

        Assert.Equal(["soc-oversight", "threat-intelligence", "monitoring", "engineering-secops", "csirt"], catalog.Teams.Select(t => t.Id));
        Assert.Equal(8, catalog.Tasks.Count);
        var secureScore = catalog.FindTask("generate-secure-score-report")!;
        Assert.Equal(Cadence.Weekly, secureScore.Cadence);
        Assert.Equal("monitoring", secureScore.OwnerTeamId);
        var tabletop = catalog.FindTask("run-ir-tabletop-exercise")!;
        Assert.True(tabletop.AllTeams);
        Assert.Equal(Cadence.AsNeeded, tabletop.Cadence);
        Assert.Equal(new Cadence(CadencePeriod.Weekly, OnDemand: true), catalog.FindTask("deploy-automation-scripts-and-services-where-appropriate")!.Cadence);
        var roles = catalog.Provenance.Single(s => s.Id == "004_fb3de7e811f02793");
        Assert.Equal(new DateOnly(2021, 7, 15), roles.Date);
        Assert.Equal("Step 4. Define Microsoft 365 Defender roles, responsibilities, and oversight", roles.Title);
        Assert.All(catalog.Tasks, t => Assert.Equal("000_89fee7269c763c63", t.Source));
        Assert.All(catalog.Teams, t => Assert.Equal("004_fb3de7e811f02793", t.Source));
        Assert.Equal(6, catalog.FindTeam("Threat Intelligence & Analytics")!.Responsibilities.Count);
    }

    [Fact]
    public void Import_CadenceCellWithTabAndStrayWord_KeepsTheCadenceAndNotesTheDroppedWord()
    {
        var result = Import(TasksTable("| Report | Reports. | Weekly\tSOC | Monitoring |"));

        Assert.Equal(Cadence.Weekly, result.Catalog.Tasks.Single().Cadence);
        AssertNote(result.Notes, "tasks.md", 3, "tab replaced by a space");
        AssertNote(result.Notes, "tasks.md", 3, "cadence 'Weekly SOC': dropped stray text 'SOC', read as 'Weekly'");
    }

    [Fact]
    public void Import_CadenceAndAsNeeded_IsScheduledAndOnDemand()
    {
        var result = Import(TasksTable("| Deploy | Scripts. | Monthly  and as needed | Monitoring |"));

        Assert.Equal(new Cadence(CadencePeriod.Monthly, OnDemand: true), result.Catalog.Tasks.Single().Cadence);
    }

    [Fact]
    public void Import_HtmlListWithUnclosedTags_ReadsEveryItem()
    {
        var roles = """
            | SOC team | Roles and responsibilities | Microsoft 365 Defender tasks |
            |:---|:---|:---|
            | SOC Oversight | <ul><li>Governance</li><li>Training <ul> | Uses: <ul><li>Portal</li><li>Center</ul> |
            """;

        var result = Import(TasksTable("| Check | Check it. | Daily | SOC Oversight |"), roles);

        var team = result.Catalog.Teams.Single();
        Assert.Equal(["Governance", "Training"], team.Responsibilities);
        Assert.Equal(["Uses Portal", "Uses Center"], team.DefenderTasks);
        AssertNote(result.Notes, "roles.md", 3, "2 unclosed <ul> tag(s); 1 unclosed <li> tag(s)");
        AssertNote(result.Notes, "roles.md", 3, "lead-in 'Uses:' joined to each item");
    }

    [Fact]
    public void Import_TeamSpelledWithAndInsteadOfAmpersand_IsTheSameTeam()
    {
        var result = Import(TasksTable("| Deploy | Scripts. | Weekly | Engineering and SecOps |"));

        Assert.Equal("engineering-secops", result.Catalog.Tasks.Single().OwnerTeamId);
        AssertNote(result.Notes, "tasks.md", 3, "team 'Engineering and SecOps' read as 'Engineering & SecOps' (engineering-secops)");
    }

    [Theory]
    [InlineData("All SOC Teams")]
    [InlineData("All SOC teams")]
    [InlineData("all soc teams")]
    public void Import_AllSocTeamsInAnyCase_IsOwnedByAllTeams(string cell)
    {
        var result = Import(TasksTable($"| Tickets | Update. | Daily | {cell} |"));

        var task = result.Catalog.Tasks.Single();
        Assert.True(task.AllTeams);
        Assert.Null(task.OwnerTeamId);
    }

    [Fact]
    public void Import_FrontMatterAndIncludeLines_AreSkippedAndTitleAndDateKept()
    {
        var tasks = "---\ntitle: My tasks\nms.date: 03/04/2025\nf1.keywords:\n  - NOCSH\n---\n# Tasks\n\n[!INCLUDE [x](y.md)]\n\n" + TasksTable("| Check | Check it. | Daily | Monitoring |");

        var result = Import(tasks);

        var source = result.Catalog.Provenance.Single(s => s.File == "tasks.md");
        Assert.Equal("My tasks", source.Title);
        Assert.Equal(new DateOnly(2025, 3, 4), source.Date);
        AssertNote(result.Notes, "tasks.md", 1, "read front matter (lines 1-6)");
        AssertNote(result.Notes, "tasks.md", 9, "skipped include line [!INCLUDE [x](y.md)]");
        Assert.Equal("Check", result.Catalog.Tasks.Single().Title);
    }

    [Fact]
    public void Import_TrailingEmptyRow_IsSkipped()
    {
        var result = Import(TasksTable("| Check | Check it. | Daily | Monitoring |\n|||||"));

        Assert.Single(result.Catalog.Tasks);
        AssertNote(result.Notes, "tasks.md", 4, "skipped empty table row");
    }

    [Fact]
    public void Import_StraySpacesInCells_AreCollapsed()
    {
        var result = Import(TasksTable("| Check\t| Track (CMDB) , and  more. | Daily | Monitoring |"));

        var task = result.Catalog.Tasks.Single();
        Assert.Equal("Check", task.Title);
        Assert.Equal("Track (CMDB), and more.", task.Description);
        AssertNote(result.Notes, "tasks.md", 3, "Description: runs of spaces collapsed; space before punctuation removed");
    }

    [Fact]
    public void Import_TeamNotInTheRolesMatrix_FailsNamingTheLine()
    {
        var error = Assert.Throws<CatalogLoadException>(() => Import(TasksTable("| Check | Check it. | Daily | Red Team |"))).Errors.Single();

        Assert.Equal("tasks.md", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("'Red Team' is not a team of the roles matrix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnreadableCadence_FailsNamingTheLine()
    {
        var error = Assert.Throws<CatalogLoadException>(() => Import(TasksTable("| Check | Check it. | Fortnightly | Monitoring |"))).Errors.Single();

        Assert.Equal(3, error.Line);
        Assert.Equal("Cadence", error.Place);
        Assert.Contains("unknown cadence 'Fortnightly'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PageWithoutTable_FailsNamingTheFile()
    {
        var error = Assert.Throws<CatalogLoadException>(() => Import("# Nothing here\n")).Errors.Single();

        Assert.Equal("tasks.md", error.File);
        Assert.Contains("no markdown pipe table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TeamTheVocabularyDoesNotKnow_GetsAnIdFromItsNameOrAbbreviation()
    {
        var roles = RolesTable + "\n| Red Team Operations (RTO) | Attack | None |\n| Cloud & Identity | Cloud | None |";

        var catalog = Import(TasksTable("| Check | Check it. | Daily | Cloud and Identity |"), roles).Catalog;

        Assert.Equal("Red Team Operations", catalog.FindTeam("rto")!.Aliases[0]);
        Assert.Equal("cloud-identity", catalog.FindTeam("Cloud & Identity")!.Id);
        Assert.Equal("cloud-identity", catalog.Tasks.Single().OwnerTeamId);
    }

    [Fact]
    public void Import_Anything_WritesACatalogTheLoaderAccepts()
    {
        var result = ImportSeeds();

        var reloaded = CatalogLoader.Parse(CatalogYamlWriter.Write(result.Catalog), "imported.yaml");

        Assert.Empty(reloaded.Errors);
        Assert.Equal(CatalogYamlWriter.Write(result.Catalog), CatalogYamlWriter.Write(reloaded.Catalog!));
    }

    private static CatalogImportResult ImportSeeds() =>
        CatalogImporter.Import(File.ReadAllBytes(SeedFiles.TasksPath), Path.GetFileName(SeedFiles.TasksPath), File.ReadAllBytes(SeedFiles.RolesPath), Path.GetFileName(SeedFiles.RolesPath));

    private static CatalogImportResult Import(string tasks, string roles = RolesTable) =>
        CatalogImporter.Import(Encoding.UTF8.GetBytes(tasks), "tasks.md", Encoding.UTF8.GetBytes(roles), "roles.md");

    private static string TasksTable(string rows) =>
        "| Activity | Description | Cadence | Team assigned |\n|:---|:---|:---|:---|\n" + rows + "\n";

    private static void AssertNote(IReadOnlyList<ImportNote> notes, string file, int line, string text) =>
        Assert.True(
            notes.Any(n => Path.GetFileName(n.File) == file && n.Line == line && n.Message.Contains(text, StringComparison.Ordinal)),
            $"No note at {file}:{line} containing \"{text}\". Notes:\n{string.Join('\n', notes)}");
}
