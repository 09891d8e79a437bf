namespace SocBot.Tests.Ownership;

/// <summary>The question set in TestData/ownership-questions.txt: "expected | question" lines under [part] headings.</summary>
internal sealed record OwnershipQuestionSet(IReadOnlyList<OwnershipQuestion> Questions)
{
    public const string OutOfScope = "none";
    public const string EveryTeam = "all";

    public static OwnershipQuestionSet Load()
    {
        var questions = new List<OwnershipQuestion>();
        foreach (var (part, line, where) in TestDataLines.Read("ownership-questions.txt"))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            Assert.True(bar > 0, $"{where}: expected an 'expected | question' line.");
            var expected = line[..bar].Trim().Split('+', StringSplitOptions.TrimEntries);
            questions.Add(new OwnershipQuestion(part, expected, line[(bar + 1)..].Trim()));
        }

        return new OwnershipQuestionSet(questions);
    }
}
