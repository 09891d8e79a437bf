using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("siem", "siem", 0)]
    [InlineData("siem", "seim", 1)]
    [InlineData("feed", "feeds", 1)]
    [InlineData("forensics", "forensiks", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Bounded_WithinLimit_IsTheOptimalStringAlignmentDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 3));
        Assert.Equal(expected, EditDistance.Bounded(b, a, 3));
    }

    [Theory]
    [InlineData("payroll", "program", 2)]
    [InlineData("lunch", "threat", 1)]
    [InlineData("ab", "abcdef", 2)]
    public void Bounded_BeyondLimit_ReturnsLimitPlusOne(string a, string b, int limit) =>
        Assert.Equal(limit + 1, EditDistance.Bounded(a, b, limit));
}
