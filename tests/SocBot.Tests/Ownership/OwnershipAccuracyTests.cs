using SocBot.Ownership;
using Xunit.Abstractions;

namespace SocBot.Tests.Ownership;

/// <summary>
/// The question set against the default catalog: the top owner must be right for in-scope questions and the bot must refuse
/// out-of-scope ones. Figures for each part (tuning, held-out) are written to the test output.
/// </summary>
public sealed class OwnershipAccuracyTests(ITestOutputHelper output)
{
    private const double RequiredTopOneAccuracy = 0.97;
    private const double RequiredRefusalRate = 0.95;

    [Fact]
    public void QuestionSet_Composition_HasEnoughQuestionsOfEachKind()
    {
        var set = OwnershipQuestionSet.Load();

        Assert.True(set.Questions.Count >= 100, $"{set.Questions.Count} questions");
        Assert.True(set.Questions.Count(q => !q.InScope) >= 15, "at least 15 out-of-scope questions");
        Assert.Equal(["held-out", "held-out-2", "tuning"], set.Questions.Select(q => q.Part).Distinct().Order());
        var teamIds = OwnershipTestCatalog.Catalog.Teams.Select(t => t.Id).ToHashSet();
        var unknown = set.Questions
            .SelectMany(q => q.Expected)
            .Where(e => e is not (OwnershipQuestionSet.OutOfScope or OwnershipQuestionSet.EveryTeam) && !teamIds.Contains(e))
            .ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Answer_QuestionSet_MeetsAccuracyAndRefusalThresholds() => AssertMeetsThresholds(OwnershipTestCatalog.Answerer());

    [Fact]
    public void Answer_QuestionSetMatchingByMeaning_MeetsAccuracyAndRefusalThresholds() => AssertMeetsThresholds(OwnershipSemanticTestModel.Default);

    private void AssertMeetsThresholds(OwnershipAnswerer answerer)
    {
        var results = OwnershipQuestionSet.Load().Questions
            .Select(q => (Question: q, Answer: answerer.Answer(q.Text)))
            .ToList();

        foreach (var part in results.GroupBy(r => r.Question.Part))
        {
            output.WriteLine(OwnershipScorecard.Of(part.Key, part).ToString());
        }

        var all = OwnershipScorecard.Of("all parts", results);
        output.WriteLine(all.ToString());
        foreach (var miss in results.Where(r => !OwnershipScorecard.IsCorrect(r.Question, r.Answer)))
        {
            output.WriteLine($"MISS [{miss.Question.Part}] expected {string.Join('+', miss.Question.Expected)}, got {OwnershipScorecard.Describe(miss.Answer)}: {miss.Question.Text}");
        }

        Assert.True(all.TopOneAccuracy >= RequiredTopOneAccuracy, $"top-1 accuracy {all.TopOneAccuracy:P1} below {RequiredTopOneAccuracy:P0}");
        Assert.True(all.RefusalRate >= RequiredRefusalRate, $"refusal rate {all.RefusalRate:P1} below {RequiredRefusalRate:P0}");
    }
}
