using SocBot.Ownership;
using Xunit.Abstractions;

namespace SocBot.Tests.Ownership;

/// <summary>
/// The paraphrase set against the default catalog, matching by meaning with the shipped model. Asks and the agreement of
/// two views were chosen on [tuning], [held-out] and [held-out-2]; the thresholds of the model now shipped on the first
/// five parts. [held-out-3] to [held-out-7] were written blind (by someone who had seen neither the other parts, nor the
/// duty descriptions, nor an answer). [held-out-6] was read twice, totals only: once as shipped with all-MiniLM-L6-v2,
/// then to choose between that and three settings of arctic-embed-xs fixed beforehand; [held-out-7] once, totals only,
/// as shipped (54.3 % top-1, 1 wrong owner, 96.7 % refused). The whole set is asserted at what it reaches: 55.6 % top-1
/// with 6 wrong owners, below the 85 % aimed for, since even answering every question the single closest duty is the
/// right team's for only 431 of the 532 (81.0 %); and 97.9 % refused out of scope, above the 95 % aimed for.
/// </summary>
public sealed class OwnershipParaphraseTests(ITestOutputHelper output)
{
    private const double ReachedTopOneAccuracy = 0.55;
    private const int MostWrongOwners = 6;
    private const double AimedRefusalRate = 0.95;

    [Fact]
    public void Answer_ParaphraseSet_ReachesTheMeasuredAccuracyAndNoMoreWrongOwners()
    {
        var answerer = OwnershipSemanticTestModel.Default;
        var results = OwnershipParaphraseSet.Load()
            .Select(p => (Question: p.AsQuestion, Answer: answerer.Answer(p.Text)))
            .ToList();

        var whole = OwnershipScorecard.Of("whole", results);
        foreach (var part in results.GroupBy(r => r.Question.Part))
        {
            output.WriteLine(OwnershipScorecard.Of(part.Key, part).ToString());
        }

        output.WriteLine(whole.ToString());
        foreach (var miss in results.Where(r => !OwnershipScorecard.IsCorrect(r.Question, r.Answer)))
        {
            output.WriteLine($"MISS [{miss.Question.Part}] expected {string.Join('+', miss.Question.Expected)}, got {OwnershipScorecard.Describe(miss.Answer)}: {miss.Question.Text}");
        }

        Assert.True(whole.TopOneAccuracy >= ReachedTopOneAccuracy, whole.ToString());
        Assert.True(whole.WrongOwner <= MostWrongOwners, whole.ToString());
        Assert.True(whole.RefusalRate >= AimedRefusalRate, whole.ToString());
    }

    [Fact]
    public void ParaphraseSet_InScopeQuestion_SharesNoContentWordStemWithItsDuty()
    {
        var index = new OwnershipIndex(OwnershipTestCatalog.Corpus);
        var duties = index.Items.Select(i => i.Title).ToHashSet(StringComparer.Ordinal);
        var paraphrases = OwnershipParaphraseSet.Load().Where(p => p.InScope).ToList();

        Assert.All(paraphrases, p => Assert.Contains(p.Duty, duties));
        var overlapping = paraphrases
            .Select(p => (p.Text, Shared: Stems(p.Text).Intersect(Stems(p.Duty)).ToList()))
            .Where(p => p.Shared.Count > 0)
            .Select(p => $"{p.Text} (shares {string.Join(", ", p.Shared)})")
            .ToList();
        Assert.Empty(overlapping);
    }

    /// <summary>The content words' stems as written: synonyms are not applied, since a synonym is the matcher's knowledge, not the asker's wording.</summary>
    private static IEnumerable<string> Stems(string text) =>
        TextTokens.Split(text).Where(w => !TextTokens.StopWords.Contains(w)).Select(PorterStemmer.Stem);
}
