namespace SocBot.Tests.Ownership;

/// <summary>TestData/ownership-paraphrases.txt: "expected | duty | question" lines under [tuning], [held-out], [held-out-2],
/// [held-out-3], [held-out-4], [held-out-5], [held-out-6] and [held-out-7].</summary>
internal static class OwnershipParaphraseSet
{
    public static IReadOnlyList<OwnershipParaphrase> Load() =>
        TestDataLines.Read("ownership-paraphrases.txt")
            .Select(l =>
            {
                var columns = l.Line.Split('|', 3, StringSplitOptions.TrimEntries);
                Assert.True(columns.Length == 3, $"{l.Where}: expected an 'expected | duty | question' line.");
                return new OwnershipParaphrase(l.Part, columns[0].Split('+', StringSplitOptions.TrimEntries), columns[1], columns[2]);
            })
            .ToList();
}
