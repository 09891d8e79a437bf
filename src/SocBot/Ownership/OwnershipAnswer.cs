namespace SocBot.Ownership;

/// <summary>
/// The answer to one ownership question. <see cref="Owners"/> lists the owning team first (two or more when
/// <see cref="Kind"/> is <see cref="OwnershipAnswerKind.Ambiguous"/>, none when it is Unknown); <see cref="AlsoRelated"/>
/// holds close runners-up; <see cref="Suggestions"/> the "did you mean" items of a refusal. <see cref="Disputed"/> marks
/// an ambiguous answer whose two teams are possible owners, not owners of parts: the two matchers disagree, or meaning
/// alone finds both about equally close. Either may own it. <see cref="OutsideSoc"/> marks a refusal whose question reads
/// more like work done outside the SOC than like any duty, so nothing is suggested.
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
    bool Disputed = false,
    bool OutsideSoc = false)
{
    /// <summary>It names an owner, a split of owners or a team's duties rather than refusing.</summary>
    public bool Answered => Kind is not OwnershipAnswerKind.Unknown;

    /// <summary>One owner (or a team's duties) stands: a split between teams leaves the asker to judge, so it is not confident.</summary>
    public bool Confident => Kind is OwnershipAnswerKind.Owner or OwnershipAnswerKind.TeamProfile;

    /// <summary>The owner was named by meaning alone: no duty shares the question's words, so the asker checks the quote.</summary>
    public bool ByMeaning => Kind == OwnershipAnswerKind.Owner && Explanation.Rule == OwnershipRules.Meaning;
}
