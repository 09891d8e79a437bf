using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class DutyDescriptionsTests
{
    [Fact]
    public void Default_EveryKey_NamesATeamDutyOrTaskOfTheShippedCatalog()
    {
        var catalog = OwnershipTestCatalog.Catalog;
        var descriptions = DutyDescriptions.Default;

        var unknownTeams = descriptions.TeamIds.Where(id => catalog.Teams.All(t => t.Id != id)).ToList();
        var unknownDuties = descriptions.Duties.Where(d => !catalog.Teams.Any(t =>
            t.Id == d.Team && (t.Responsibilities.Contains(d.Duty) || t.DefenderTasks.Contains(d.Duty)))).ToList();
        var unknownTasks = descriptions.TaskIds.Where(id => catalog.Tasks.All(t => t.Id != id)).ToList();

        Assert.Empty(unknownTeams);
        Assert.Empty(unknownDuties);
        Assert.Empty(unknownTasks);
    }

    [Fact]
    public void Default_EveryItemOfTheShippedCatalog_HasSentences()
    {
        var descriptions = DutyDescriptions.Default;

        var undescribed = OwnershipIndex.ItemsOf(OwnershipTestCatalog.Corpus).Where(i => descriptions.About(i).Count == 0).Select(i => i.Id).ToList();

        Assert.Empty(undescribed);
    }

    [Fact]
    public void Parse_Elsewhere_ReadsTheSentencesAboutWorkOutsideTheSoc()
    {
        var descriptions = DutyDescriptions.Parse("""
            elsewhere:
              - "Facilities repair the lifts."
              - "Payroll pays salaries."
            """);

        Assert.Equal(["Facilities repair the lifts.", "Payroll pays salaries."], descriptions.Elsewhere);
        Assert.NotEmpty(DutyDescriptions.Default.Elsewhere);
    }

    [Fact]
    public void About_EntryTheCatalogLacks_IsIgnored()
    {
        var descriptions = DutyDescriptions.Parse("""
            teams:
              - team: blue
                about: ["Blue defends."]
                duties:
                  - duty: "Retired duty"
                    about: ["No longer in the matrix."]
            tasks:
              - task: gone
                about: ["A task since removed."]
            """);

        var current = new OwnershipItem("blue/responsibility/1", OwnershipItemKind.Responsibility, "blue", "Patch review");

        Assert.Empty(descriptions.About(current));
        Assert.Equal(["Blue defends."], descriptions.About(new OwnershipItem("team:blue", OwnershipItemKind.Team, "blue", "Blue")));
    }
}
