using SocBot.Catalog;
using SocBot.Reports;

namespace SocBot.Tests.Reports;

/// <summary>Tasks named the way people name them, against the built-in catalog.</summary>
public sealed class TaskLookupTests
{
    private static readonly SocCatalog Catalog = CatalogLoader.LoadDefault();

    [Theory]
    [InlineData("secure score", "generate-secure-score-report", "")]
    [InlineData("Secure Score weekly done, 71%", "generate-secure-score-report", "weekly done, 71%")]
    [InlineData("tabletop", "run-ir-tabletop-exercise", "")]
    [InlineData("TABLETOP ransomware scenario", "run-ir-tabletop-exercise", "ransomware scenario")]
    [InlineData("tabeltop", "run-ir-tabletop-exercise", "")]
    [InlineData("secuer scroe", "generate-secure-score-report", "")]
    [InlineData("escalation tickets all triaged", "update-soc-escalation-tickets", "all triaged")]
    [InlineData("tickets updated", "update-soc-escalation-tickets", "updated")]
    [InlineData("generate-secure-score-report =SUM(A1)", "generate-secure-score-report", "=SUM(A1)")]
    [InlineData("Generate Secure Score report", "generate-secure-score-report", "")]
    [InlineData("\"secure score\" score was 71", "generate-secure-score-report", "score was 71")]
    [InlineData("remediation", "track-microsoft-365-defender-threat-vulnerability-remediation-activity", "")]
    public void Find_PartOfTheTitle_CaseOrTypo_FindsTheTaskAndLeavesTheNote(string text, string taskId, string rest)
    {
        var result = TaskLookup.Find(Catalog, text);

        Assert.NotNull(result.Match);
        Assert.Equal((taskId, rest), (result.Match.Task.Id, result.Match.Rest));
    }

    [Fact]
    public void Find_WordsOfSeveralTitles_IsAmbiguous_ListingThem()
    {
        var result = TaskLookup.Find(Catalog, "update");

        Assert.True(result.IsAmbiguous);
        Assert.Equal(
            ["Update anti-phishing, data loss prevention campaigns", "Update SOC escalation tickets"],
            result.Candidates.Select(t => t.Title));
        Assert.Equal(
            "I can't tell which task 'update' means: **Update anti-phishing, data loss prevention campaigns**, **Update SOC escalation tickets**. Say a few more words of its title.",
            TaskReplies.NotMatched(result, "update", "history ‹task›", Catalog.Tasks));
    }

    [Theory]
    [InlineData("rotate the coffee")]
    [InlineData("purple monkey")]
    [InlineData("")]
    public void Find_NothingLikeATask_FindsNone_AndTheReplyListsTitles(string text)
    {
        var result = TaskLookup.Find(Catalog, text);

        Assert.Null(result.Match);
        Assert.False(result.IsAmbiguous);
        var reply = TaskReplies.NotMatched(result, text, "history ‹task›", Catalog.Tasks);
        Assert.Contains("**Generate Secure Score report**", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-secure-score-report", reply, StringComparison.Ordinal);
    }
}
