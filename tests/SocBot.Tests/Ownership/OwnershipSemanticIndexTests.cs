using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class OwnershipSemanticIndexTests
{
    private const string Question = "who deals with this?";

    [Fact]
    public void Score_ItemsViews_ClosestGivesTheSimilarityAndTheClosestFewTheirMeanAgreement()
    {
        var index = Build(new Dictionary<string, float[]>
        {
            ["Laptop memory forensics"] = [1, 0, 0],
            ["Images the disk of a hacked laptop."] = [0.6f, 0.8f, 0],
            ["Alert queue triage"] = [0.8f, 0.6f, 0],
        });
        var forensics = At(index, "forensics");
        var queue = At(index, "queue");

        var two = index.Score([1, 0, 0], agreeingViews: 2);
        var one = index.Score([1, 0, 0], agreeingViews: 1);

        Assert.Equal(1, two.Similarity[forensics], precision: 5);
        Assert.Equal(0.8, two.Agreement[forensics], precision: 5);
        Assert.Equal("Laptop memory forensics", index.Views[two.View[forensics]]);
        Assert.Equal(0.8, two.Similarity[queue], precision: 5);
        // The queue's description has no vector of its own, so it lands on the stand-in's unrelated axis: similarity 0.
        Assert.Equal(0.4, two.Agreement[queue], precision: 5);
        // The team's entry has a single view (its name), so its agreement is that view's similarity, not a mean with a gap.
        Assert.Equal(0, two.Agreement[At(index, "team:csirt")], precision: 5);
        Assert.Equal(one.Similarity, one.Agreement);
    }

    [Fact]
    public void Answer_OneCloseSentenceAgainstTwoThatAgree_NamesTheDutyBothAgreeOn()
    {
        var vectors = new Dictionary<string, float[]>
        {
            ["Laptop memory forensics"] = [0.9f, 0.4359f, 0, 0, 0],
            ["Images the disk of a hacked laptop."] = [0.1f, 0, 0.995f, 0, 0],
            ["Alert queue triage"] = [0.8f, 0, 0, 0.6f, 0],
            ["Looks at every new alert first."] = [0.8f, 0, 0, -0.6f, 0],
            [Question] = [1, 0, 0, 0, 0],
        };

        var agreed = Answerer(vectors, agreeingViews: 2).Answer(Question);
        var closest = Answerer(vectors, agreeingViews: 1).Answer(Question);

        Assert.Equal(OwnershipRules.Meaning, agreed.Explanation.Rule);
        Assert.Equal("monitoring", agreed.Owners[0].Team?.Id);
        Assert.Equal("Alert queue triage", agreed.Owners[0].Item.Title);
        Assert.Contains("agreement 0.80", agreed.Explanation.Decision, StringComparison.Ordinal);
        Assert.Equal("csirt", closest.Owners[0].Team?.Id);
    }

    private static OwnershipCorpus Corpus => new(
        [new OwnershipTeam("csirt", "CSIRT", []), new OwnershipTeam("monitoring", "Monitoring", [])],
        [
            new OwnershipItem("forensics", OwnershipItemKind.Responsibility, "csirt", "Laptop memory forensics", "Images the disk of a hacked laptop."),
            new OwnershipItem("queue", OwnershipItemKind.Responsibility, "monitoring", "Alert queue triage", "Looks at every new alert first."),
        ],
        []);

    private static OwnershipSemanticIndex Build(Dictionary<string, float[]> vectors) =>
        OwnershipSemanticIndex.Build(Corpus, DutyDescriptions.Parse(""), new GivenVectorsEmbedder(vectors, 3), batchSize: 8, CancellationToken.None);

    private static int At(OwnershipSemanticIndex index, string id) => OwnershipIndex.ItemsOf(index.Corpus).ToList().FindIndex(i => i.Id == id);

    private static OwnershipAnswerer Answerer(Dictionary<string, float[]> vectors, int agreeingViews) =>
        OwnershipSemanticTestModel.Answerer(Corpus, new OwnershipSemanticOptions { AgreeingViews = agreeingViews }, new GivenVectorsEmbedder(vectors, 5));
}
