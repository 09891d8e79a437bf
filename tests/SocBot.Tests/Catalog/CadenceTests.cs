using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

public sealed class CadenceTests
{
    [Theory]
    [InlineData("Daily", CadencePeriod.Daily, false)]
    [InlineData("weekly", CadencePeriod.Weekly, false)]
    [InlineData("  Monthly  ", CadencePeriod.Monthly, false)]
    [InlineData("Quarterly", CadencePeriod.Quarterly, false)]
    [InlineData("As needed", CadencePeriod.None, true)]
    [InlineData("Weekly and as needed", CadencePeriod.Weekly, true)]
    [InlineData("Monthly  and  As Needed", CadencePeriod.Monthly, true)]
    public void TryParse_KnownForms_ReadsPeriodAndOnDemand(string text, CadencePeriod period, bool onDemand)
    {
        Assert.True(Cadence.TryParse(text, out var cadence));
        Assert.Equal(new Cadence(period, onDemand), cadence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fortnightly")]
    [InlineData("Weekly SOC")]
    [InlineData("and as needed")]
    [InlineData("As needed and as needed")]
    public void TryParse_OtherText_Fails(string text) => Assert.False(Cadence.TryParse(text, out _));

    [Theory]
    [InlineData("Daily")]
    [InlineData("Quarterly and as needed")]
    [InlineData("As needed")]
    public void ToString_CanonicalForm_ParsesBackToTheSameCadence(string text)
    {
        Assert.True(Cadence.TryParse(text, out var cadence));
        Assert.Equal(text, cadence.ToString());
    }
}
