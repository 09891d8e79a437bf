namespace SocBot.Tests.Ownership;

/// <summary>The question set in TestData/ownership-questions.txt: "expected | question" lines under [part] headings.</summary>
internal sealed record OwnershipQuestionSet(IReadOnlyList<OwnershipQuestion> Questions)
{
    public const string OutOfScope = "none";
    public const string EveryTeam = "all";

    public static OwnershipQuestionSet Load()
    {
        var path = RepoPaths.Combine("tests", "SocBot.Tests", "Ownership", "TestData", "ownership-questions.txt");
        var questions = new List<OwnershipQuestion>();
        var part = "";
        foreach (var (raw, number) in File.ReadAllLines(path).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            if (raw.StartsWith('[') && raw.EndsWith(']'))
            {
                part = raw[1..^1];
                continue;
            }

            var bar = raw.IndexOf('|', StringComparison.Ordinal);
            Assert.True(bar > 0 && part.Length > 0, $"{path}:{number}: expected '[part]' then 'expected | question' lines.");
            var expected = raw[..bar].Trim().Split('+', StringSplitOptions.TrimEntries);
            questions.Add(new OwnershipQuestion(part, expected, raw[(bar + 1)..].Trim()));
        }

        return new OwnershipQuestionSet(questions);
    }
}
