namespace SocBot.Tests.Ownership;

/// <summary>The lines of a TestData question file with the [part] heading each falls under; comments and blank lines skipped.</summary>
internal static class TestDataLines
{
    public static IEnumerable<(string Part, string Line, string Where)> Read(string fileName)
    {
        var path = RepoPaths.Combine("tests", "SocBot.Tests", "Ownership", "TestData", fileName);
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

            Assert.True(part.Length > 0, $"{path}:{number}: a line before the first '[part]' heading.");
            yield return (part, raw, $"{path}:{number}");
        }
    }
}
