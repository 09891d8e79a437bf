using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class OwnershipAnswererTests
{
    private static readonly OwnershipTeam Blue = new("blue", "Blue Team", []);
    private static readonly OwnershipTeam Red = new("red", "Red Team", []);

    [Fact]
    public void Answer_SameCorpusInstance_BuildsTheIndexOnce()
    {
        var logger = new CapturingLogger<OwnershipAnswerer>();
        var answerer = new OwnershipAnswerer(new FixedCorpusSource(Corpus("blue")), logger);

        answerer.Answer("who does badge audits?");
        answerer.Answer("who owns payroll?");
        answerer.Answer("what does the blue team do");

        Assert.Single(logger.Messages, m => m.StartsWith("Ownership index built", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_SourceHandsOutANewCorpus_AnswersFromTheNewOne()
    {
        var logger = new CapturingLogger<OwnershipAnswerer>();
        var source = new FixedCorpusSource(Corpus("blue"));
        var answerer = new OwnershipAnswerer(source, logger);
        Assert.Equal("blue", answerer.Answer("who does badge audits?").Owners[0].Team?.Id);

        source.Current = Corpus("red");

        Assert.Equal("red", answerer.Answer("who does badge audits?").Owners[0].Team?.Id);
        Assert.Equal(2, logger.Messages.Count(m => m.StartsWith("Ownership index built", StringComparison.Ordinal)));
    }

    [Fact]
    public void Answer_CatalogSynonym_IsUsedBeforeTheBuiltInOnes()
    {
        var corpus = Corpus("blue") with { Synonyms = [new OwnershipSynonym("badge audits", ["TI"])] };
        var answer = new OwnershipAnswerer(new FixedCorpusSource(corpus), new CapturingLogger<OwnershipAnswerer>()).Answer("who owns TI?");

        Assert.Equal("blue", answer.Owners[0].Team?.Id);
        Assert.Equal([new OwnershipSynonymUse("ti", "badge audits")], answer.Explanation.Synonyms);
    }

    [Fact]
    public void Answer_EmptyQuestion_RefusesWithNoWordsToLookUp()
    {
        var answer = new OwnershipAnswerer(new FixedCorpusSource(Corpus("blue")), new CapturingLogger<OwnershipAnswerer>()).Answer("who?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Empty(answer.Explanation.Terms);
        Assert.Equal("no words to look up", answer.Explanation.Decision);
    }

    private static OwnershipCorpus Corpus(string auditTeam) => new(
        [Blue, Red],
        [
            new OwnershipItem("audits", OwnershipItemKind.Responsibility, auditTeam, "Badge audits"),
            new OwnershipItem("drills", OwnershipItemKind.Responsibility, "red", "Phishing drills"),
            new OwnershipItem("patching", OwnershipItemKind.MaintenanceTask, "blue", "Patch review", "Review missing patches", "Weekly"),
        ],
        []);
}
