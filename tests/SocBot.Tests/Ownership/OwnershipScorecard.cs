using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>
/// How a set of answers scored: top-1 right in scope, wrong owners named (worse for a SOC than a refusal), refusals out of
/// scope, and in-scope refusals whose suggestions hold the right team.
/// </summary>
internal sealed record OwnershipScorecard(string Name, int InScope, int Right, int WrongOwner, int OutOfScope, int Refused, int RefusedWithRightSuggestion)
{
    public double TopOneAccuracy => InScope == 0 ? 1 : (double)Right / InScope;

    public double RefusalRate => OutOfScope == 0 ? 1 : (double)Refused / OutOfScope;

    public static OwnershipScorecard Of(string name, IEnumerable<(OwnershipQuestion Question, OwnershipAnswer Answer)> results)
    {
        var list = results.ToList();
        var inScope = list.Where(r => r.Question.InScope).ToList();
        var outOfScope = list.Where(r => !r.Question.InScope).ToList();
        return new OwnershipScorecard(
            name,
            inScope.Count,
            inScope.Count(r => IsCorrect(r.Question, r.Answer)),
            inScope.Count(r => r.Answer.Answered && !IsCorrect(r.Question, r.Answer)),
            outOfScope.Count,
            outOfScope.Count(r => IsCorrect(r.Question, r.Answer)),
            inScope.Count(r => !r.Answer.Answered && r.Answer.Suggestions.Any(s => r.Question.Expected.Contains(TeamOf(s)))));
    }

    public static bool IsCorrect(OwnershipQuestion question, OwnershipAnswer answer)
    {
        if (!question.InScope)
        {
            return !answer.Answered && answer.Owners.Count == 0;
        }

        return answer.Answered && question.Expected.Contains(TeamOf(answer.Owners[0]));
    }

    public static string Describe(OwnershipAnswer answer) =>
        answer.Answered ? $"{TeamOf(answer.Owners[0])} ({answer.Kind}, {answer.Explanation.Rule})" : "a refusal";

    public override string ToString() =>
        $"{Name}: top-1 {Right}/{InScope} = {TopOneAccuracy:P1} in scope, {WrongOwner} wrong owners, "
        + $"{RefusedWithRightSuggestion} refused with the right team suggested; refusal {Refused}/{OutOfScope} = {RefusalRate:P1} out of scope";

    private static string TeamOf(OwnershipMatch match) => match.Team?.Id ?? OwnershipQuestionSet.EveryTeam;
}
