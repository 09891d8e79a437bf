using Microsoft.Graph.Models;
using SocBot.Enrichment;

namespace SocBot.Tests.Enrichment;

public sealed class SecureScoreSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_ScoreFell_ShowsANegativeChange()
    {
        var data = SecureScoreSummary.From([Snapshot(5, 60, 80), Snapshot(1, 61.5, 80)], Now);

        Assert.NotNull(data);
        Assert.Equal(new LiveFact("Secure Score", "60 / 80 (75 %)"), data.Facts[0]);
        Assert.Equal(new LiveFact("Change in 4 days", "-1.5"), data.Facts[1]);
    }

    [Fact]
    public void From_OneSnapshot_ShowsNoChange()
    {
        var data = SecureScoreSummary.From([Snapshot(5, 60, 80)], Now);

        Assert.NotNull(data);
        Assert.Equal(["Secure Score", "As of"], data.Facts.Select(f => f.Title));
    }

    [Fact]
    public void From_SnapshotsOutOfOrder_UsesTheNewestAndTheOldest()
    {
        var data = SecureScoreSummary.From([Snapshot(3, 50, 80), Snapshot(5, 52, 80), Snapshot(1, 49, 80)], Now);

        Assert.NotNull(data);
        Assert.Equal(new LiveFact("Change in 4 days", "+3.0"), data.Facts[1]);
        Assert.Equal(new LiveFact("As of", "2026-01-05"), data.Facts[2]);
    }

    [Fact]
    public void From_SnapshotsADayApart_NamesOneDay()
    {
        var data = SecureScoreSummary.From([Snapshot(5, 60, 80), Snapshot(4, 59, 80)], Now);

        Assert.NotNull(data);
        Assert.Equal(new LiveFact("Change in 1 day", "+1.0"), data.Facts[1]);
    }

    [Fact]
    public void From_NoUsableSnapshot_ReturnsNull()
    {
        Assert.Null(SecureScoreSummary.From([new SecureScore { CreatedDateTime = Now, CurrentScore = 10, MaxScore = 0 }], Now));
    }

    private static SecureScore Snapshot(int day, double current, double max) =>
        new() { CreatedDateTime = new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero), CurrentScore = current, MaxScore = max };
}
