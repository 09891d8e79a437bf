namespace SocBot.Tests.Ownership;

/// <summary>One question of the set: the acceptable top owners (team ids, "all", or "none" for a refusal).</summary>
internal sealed record OwnershipQuestion(string Part, IReadOnlyList<string> Expected, string Text)
{
    public bool InScope => !Expected.Contains(OwnershipQuestionSet.OutOfScope);
}
