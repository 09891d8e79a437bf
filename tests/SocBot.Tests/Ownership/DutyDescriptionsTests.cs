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
    public void Default_EveryDutyAndTaskOfTheShippedCatalog_HasAsksAndNoTeamDoes()
    {
        var descriptions = DutyDescriptions.Default;
        var items = OwnershipIndex.ItemsOf(OwnershipTestCatalog.Corpus);

        var unasked = items.Where(i => i.Kind != OwnershipItemKind.Team && descriptions.Asks(i).Count == 0).Select(i => i.Id).ToList();
        var askedTeams = items.Where(i => i.Kind == OwnershipItemKind.Team && descriptions.Asks(i).Count > 0).Select(i => i.Id).ToList();

        Assert.Empty(unasked);
        Assert.Empty(askedTeams);
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

    [Fact]
    public void Parse_Asks_ReachTheItemsViews()
    {
        const string Ask = "our board wants MTTR numbers, who owns that?";
        var descriptions = DutyDescriptions.Parse($$"""
            teams:
              - team: soc-oversight
                about: ["SOC Oversight runs the SOC."]
                asks: ["who is in charge of the SOC?"]
                duties:
                  - duty: "Performs SOC governance"
                    about: ["Sets the policies the SOC follows."]
                    asks: ["{{Ask}}", "who decides the SOC's rules?"]
            tasks:
              - task: generate-secure-score-report
                about: ["Produces the Secure Score report."]
                asks: ["where is this week's Secure Score report?"]
            """);
        var corpus = OwnershipTestCatalog.Corpus;
        var items = OwnershipIndex.ItemsOf(corpus);
        var governance = items.Single(i => i.TeamId == "soc-oversight" && i.Title == "Performs SOC governance");
        var embedder = new GivenVectorsEmbedder(new Dictionary<string, float[]> { [Ask] = [1, 0] }, dimensions: 2);

        var index = OwnershipSemanticIndex.Build(corpus, descriptions, embedder, batchSize: 16, CancellationToken.None);
        var scores = index.Score([1, 0], agreeingViews: 1);
        var at = items.ToList().IndexOf(governance);

        Assert.Equal(["Sets the policies the SOC follows."], descriptions.About(governance));
        Assert.Equal([Ask, "who decides the SOC's rules?"], descriptions.Asks(governance));
        Assert.Equal(["who is in charge of the SOC?"], descriptions.Asks(items.Single(i => i.Id == "team:soc-oversight")));
        Assert.Equal(["where is this week's Secure Score report?"], descriptions.Asks(items.Single(i => i.Id == "generate-secure-score-report")));
        Assert.Equal(1, scores.Similarity[at], precision: 6);
        Assert.Equal(Ask, index.Views[scores.View[at]]);
    }
}
