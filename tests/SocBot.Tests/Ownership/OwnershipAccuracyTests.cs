using SocBot.Ownership;
using Xunit.Abstractions;

namespace SocBot.Tests.Ownership;

/// <summary>
/// The question set against the default catalog: the top owner must be right for in-scope questions and the bot must refuse
/// out-of-scope ones. Figures for each part (tuning, held-out) are written to the test output.
/// </summary>
public sealed class OwnershipAccuracyTests(ITestOutputHelper output)
{
    private const double RequiredTopOneAccuracy = 0.95;
    private const double RequiredRefusalRate = 0.90;

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
    public void Answer_QuestionSet_MeetsAccuracyAndRefusalThresholds()
    {
        var answerer = OwnershipTestCatalog.Answerer();
        var results = OwnershipQuestionSet.Load().Questions
            .Select(q => (Question: q, Answer: answerer.Answer(q.Text)))
            .Select(r => (r.Question, r.Answer, Correct: IsCorrect(r.Question, r.Answer)))
            .ToList();

        foreach (var part in results.GroupBy(r => r.Question.Part).Append(results.GroupBy(_ => "all parts").Single()))
        {
            output.WriteLine(
                $"{part.Key}: top-1 {Rate(part.Where(r => r.Question.InScope)):P1} in scope, "
                + $"refusal {Rate(part.Where(r => !r.Question.InScope)):P1} out of scope");
        }

        foreach (var miss in results.Where(r => !r.Correct))
        {
            output.WriteLine($"MISS [{miss.Question.Part}] expected {string.Join('+', miss.Question.Expected)}, got {Describe(miss.Answer)}: {miss.Question.Text}");
        }

        var accuracy = Rate(results.Where(r => r.Question.InScope));
        var refusal = Rate(results.Where(r => !r.Question.InScope));
        Assert.True(accuracy >= RequiredTopOneAccuracy, $"top-1 accuracy {accuracy:P1} below {RequiredTopOneAccuracy:P0}");
        Assert.True(refusal >= RequiredRefusalRate, $"refusal rate {refusal:P1} below {RequiredRefusalRate:P0}");
    }

    private static bool IsCorrect(OwnershipQuestion question, OwnershipAnswer answer)
    {
        if (!question.InScope)
        {
            return !answer.Answered && answer.Owners.Count == 0;
        }

        return answer.Answered && question.Expected.Contains(TopOwner(answer));
    }

    private static string TopOwner(OwnershipAnswer answer) =>
        answer.Owners[0].Team?.Id ?? OwnershipQuestionSet.EveryTeam;

    private static string Describe(OwnershipAnswer answer) =>
        answer.Answered ? $"{TopOwner(answer)} ({answer.Kind})" : "a refusal";

    private static double Rate(IEnumerable<(OwnershipQuestion Question, OwnershipAnswer Answer, bool Correct)> results)
    {
        var list = results.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(r => r.Correct) / list.Count;
    }
}
