using System.Text.RegularExpressions;
using SocBot.Scheduling;

namespace SocBot.Tests.Scheduling;

public sealed class OccurrenceKeyTests
{
    public static TheoryData<string, string> Keys => new()
    {
        { "day", "update-escalation-tickets/monitoring/2026-01-05" },
        { "week", "update-escalation-tickets/monitoring/2026-W01" },
        { "week 53", "update-escalation-tickets/monitoring/2026-W53" },
        { "month", "update-escalation-tickets/monitoring/2026-01" },
        { "quarter", "update-escalation-tickets/monitoring/2026-Q1" },
        { "ad hoc", "update-escalation-tickets/monitoring/adhoc-20260105-1" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Parse_FormattedKey_RoundTrips(string kind, string text)
    {
        var key = OccurrenceKey.Parse(text);

        Assert.Equal(text, key.ToString());
        Assert.Equal(("update-escalation-tickets", "monitoring"), (key.TaskId, key.TeamId));
        Assert.Equal(kind == "ad hoc", key.IsAdHoc);
        Assert.Matches(new Regex("^[a-z0-9-]+/[a-z0-9-]+/[A-Za-z0-9-]+$"), key.ToString());
    }

    [Fact]
    public void Factories_EachPeriodKind_FormatTheDocumentedPeriod()
    {
        Assert.Equal("t/team/2026-01-05", OccurrenceKey.ForDay("t", "team", new DateOnly(2026, 1, 5)).ToString());
        Assert.Equal("t/team/2026-02", OccurrenceKey.ForMonth("t", "team", 2026, 2).ToString());
        Assert.Equal("t/team/2026-Q4", OccurrenceKey.ForQuarter("t", "team", 2026, 4).ToString());
        Assert.Equal("t/team/adhoc-run-7", OccurrenceKey.ForAdHoc("t", "team", "run-7").ToString());
    }

    [Theory]
    [InlineData(2025, 12, 29, "2026-W01")]
    [InlineData(2026, 12, 28, "2026-W53")]
    [InlineData(2027, 1, 3, "2026-W53")]
    [InlineData(2027, 1, 4, "2027-W01")]
    [InlineData(2021, 1, 3, "2020-W53")]
    public void ForIsoWeek_DayNearTheYearEnd_UsesTheIsoWeekYear(int year, int month, int day, string period) =>
        Assert.Equal(period, OccurrenceKey.ForIsoWeek("t", "team", new DateOnly(year, month, day)).Period);

    [Theory]
    [InlineData("t/team")]
    [InlineData("t/team/2026-01-05/x")]
    [InlineData("T/team/2026-01-05")]
    [InlineData("t/te am/2026-01-05")]
    [InlineData("t/team/2026-13")]
    [InlineData("t/team/2026-02-30")]
    [InlineData("t/team/2025-W53")]
    [InlineData("t/team/2026-W00")]
    [InlineData("t/team/2026-Q5")]
    [InlineData("t/team/adhoc-")]
    [InlineData("t/team/adhoc-A")]
    [InlineData("t/team/2026-01-05 ")]
    [InlineData("t//2026-01-05")]
    [InlineData("")]
    public void TryParse_MalformedKey_Fails(string text) => Assert.False(OccurrenceKey.TryParse(text, out _));

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("")]
    [InlineData("a/b")]
    public void ForAdHoc_UnsafeId_Throws(string adHocId) =>
        Assert.Throws<ArgumentException>(() => OccurrenceKey.ForAdHoc("t", "team", adHocId));

    [Fact]
    public void Equality_SameText_EqualKeys() =>
        Assert.Equal(OccurrenceKey.ForDay("t", "team", new DateOnly(2026, 1, 5)), OccurrenceKey.Parse("t/team/2026-01-05"));
}
