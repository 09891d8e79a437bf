namespace SocBot.Cards.Tests;

public sealed class CardSizeTests
{
    [Fact]
    public void Of_CountsUtf16CodeUnitsTwoBytesEach()
    {
        // a, b and € are one code unit each; the emoji is a surrogate pair.
        Assert.Equal(10, CardSize.Of("ab€😀").Utf16Bytes);
    }

    [Fact]
    public void MeasureSize_SmallCard_FitsTargetAndLimit()
    {
        var card = SampleCards.Everything();

        var size = card.MeasureSize();

        Assert.Equal(card.ToJson().Length * 2, size.Utf16Bytes);
        Assert.True(size.FitsTarget);
        Assert.True(size.FitsTeamsLimit);
        size.EnsureFitsTarget();
    }

    [Fact]
    public void MeasureSize_CardOverTarget_EnsureThrowsWithTheSize()
    {
        var facts = Enumerable.Range(0, 800).Select(i => new AdaptiveFact($"Task {i}", new string('x', 40))).ToList();
        var card = new AdaptiveCard { Body = [new AdaptiveFactSet { Facts = facts }] };

        var size = card.MeasureSize();

        Assert.False(size.FitsTarget);
        Assert.True(size.Utf16Bytes > CardSize.TargetBytes);
        var error = Assert.Throws<CardTooLargeException>(size.EnsureFitsTarget);
        Assert.Equal(size.Utf16Bytes, error.Utf16Bytes);
        Assert.Equal(80 * 1024, error.LimitBytes);
    }

    [Fact]
    public void FitsTeamsLimit_Over100KB_False()
    {
        var size = new CardSize(CardSize.TeamsMessageLimitBytes + 2);

        Assert.False(size.FitsTeamsLimit);
        Assert.False(size.FitsTarget);
    }
}
