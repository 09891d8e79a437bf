using SocBot.Ownership;
using Xunit.Abstractions;

namespace SocBot.Tests.Ownership;

public sealed class ArcticXsSentenceEmbedderTests(ITestOutputHelper output)
{
    [Fact]
    public void Embed_Sentences_GivesOneUnitVectorEachInOrder()
    {
        string[] sentences = ["Who performs forensics on a hacked laptop?", "The weather tomorrow is sunny.", "Who pulls a disk image off a compromised machine?"];

        var vectors = OwnershipSemanticTestModel.Embedder.Embed(sentences, CancellationToken.None);

        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        Assert.True(Dot(vectors[0], vectors[2]) > Dot(vectors[0], vectors[1]), "the two forensics questions should be closer to each other than to the weather");
    }

    [Fact]
    public void EmbedQuestion_Question_IsReadDifferentlyFromTheSamePlainSentence()
    {
        const string question = "who do I call when we get hit by ransomware?";

        var asQuestion = OwnershipSemanticTestModel.Embedder.EmbedQuestion(question, CancellationToken.None);
        var asSentence = OwnershipSemanticTestModel.Embedder.Embed([question], CancellationToken.None)[0];

        Assert.Equal(1.0, Math.Sqrt(asQuestion.Sum(x => (double)x * x)), 4);
        Assert.True(Dot(asQuestion, asSentence) < 0.99, $"cosine {Dot(asQuestion, asSentence):F4}: the question was embedded without the model's search instruction");
    }

    /// <summary>
    /// The paraphrase figures rest on the model's search-query instruction: embedded as plain sentences, the same
    /// questions put a duty of the right team closest less often (75 % of them against 80 % when this was written).
    /// </summary>
    [Fact]
    public void EmbedQuestion_ParaphraseSet_PutsTheRightTeamsDutyClosestMoreOftenThanPlainSentences()
    {
        var index = OwnershipSemanticTestModel.DefaultIndex;
        var items = OwnershipIndex.ItemsOf(index.Corpus);
        var paraphrases = OwnershipParaphraseSet.Load().Where(p => p.InScope).ToList();
        var embedder = OwnershipSemanticTestModel.Embedder;
        var asSentences = embedder.Embed([.. paraphrases.Select(p => p.Text)], CancellationToken.None);

        var rightAsQuestions = paraphrases.Count(p => RightTeamClosest(p, embedder.EmbedQuestion(p.Text, CancellationToken.None)));
        var rightAsSentences = paraphrases.Where((p, i) => RightTeamClosest(p, asSentences[i])).Count();

        output.WriteLine($"right team closest: {rightAsQuestions} of {paraphrases.Count} as questions, {rightAsSentences} as plain sentences");
        Assert.True(
            rightAsQuestions >= rightAsSentences + paraphrases.Count / 30,
            $"right team closest: {rightAsQuestions} of {paraphrases.Count} as questions, {rightAsSentences} as plain sentences");

        bool RightTeamClosest(OwnershipParaphrase paraphrase, float[] vector)
        {
            var similarity = index.Score(vector, agreeingViews: 1).Similarity;
            var closest = Enumerable.Range(0, similarity.Count).MaxBy(i => similarity[i]);
            return items[closest].TeamId is { } team && paraphrase.Expected.Contains(team);
        }
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
