using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("triplicate", "triplic")]
    [InlineData("adjustable", "adjust")]
    [InlineData("generalization", "gener")]
    [InlineData("controlling", "control")]
    public void Stem_PorterExamples_MatchThePublishedAlgorithm(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("feeds", "feed")]
    [InlineData("investigates", "investigating")]
    [InlineData("management", "manages")]
    [InlineData("penetration", "penetrate")]
    [InlineData("vulnerability", "vulnerabilities")]
    public void Stem_WordFormsOfOneWord_MeetInOneStem(string a, string b) =>
        Assert.Equal(PorterStemmer.Stem(a), PorterStemmer.Stem(b));

    [Theory]
    [InlineData("365")]
    [InlineData("ir")]
    [InlineData("café")]
    public void Stem_ShortOrNonAsciiWords_AreLeftAlone(string word) =>
        Assert.Equal(word, PorterStemmer.Stem(word));
}
