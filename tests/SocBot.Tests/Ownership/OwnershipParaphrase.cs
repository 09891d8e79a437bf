namespace SocBot.Tests.Ownership;

/// <summary>One line of the paraphrase set: the acceptable owners, the catalog duty asked after ("-" when out of scope), the question.</summary>
internal sealed record OwnershipParaphrase(string Part, IReadOnlyList<string> Expected, string Duty, string Text)
{
    public bool InScope => !Expected.Contains(OwnershipQuestionSet.OutOfScope);

    public OwnershipQuestion AsQuestion => new(Part, Expected, Text);
}
