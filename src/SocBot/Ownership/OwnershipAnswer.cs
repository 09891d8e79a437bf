namespace SocBot.Ownership;

/// <summary>
/// The answer to one ownership question. <see cref="Owners"/> lists the owning team first (two or more when
/// <see cref="Kind"/> is <see cref="OwnershipAnswerKind.Ambiguous"/>, none when it is Unknown); <see cref="AlsoRelated"/>
/// holds close runners-up; <see cref="Suggestions"/> the "did you mean" items of a refusal. <see cref="Disputed"/> marks
/// an ambiguous answer whose two teams come from the two matchers disagreeing: either may own it.
/// Turn it into chat text with <see cref="OwnershipAnswerText.ToMarkdown"/>.
/// </summary>
public sealed record OwnershipAnswer(
    string Question,
    OwnershipAnswerKind Kind,
    IReadOnlyList<OwnershipMatch> Owners,
    IReadOnlyList<OwnershipMatch> AlsoRelated,
    IReadOnlyList<OwnershipMatch> Suggestions,
    OwnershipTeamProfile? Profile,
    OwnershipExplanation Explanation,
    bool Disputed = false)
{
    public bool Confident => Kind is not OwnershipAnswerKind.Unknown;
}
