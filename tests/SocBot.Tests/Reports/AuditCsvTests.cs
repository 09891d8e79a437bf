using SocBot.Reports;
using SocBot.State;

namespace SocBot.Tests.Reports;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"x\"),1", "\"'=HYPERLINK(\"\"x\"\"),1\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Field_Value_IsEscaped(string value, string expected) => Assert.Equal(expected, AuditCsv.Field(value));

    [Fact]
    public void Write_Entries_ReadBackAsHeaderAndOneRowEach()
    {
        var at = new DateTimeOffset(2026, 1, 5, 10, 42, 7, 123, TimeSpan.FromHours(1));
        var entries = new[]
        {
            new AuditEntry("t1", "monitoring", "generate-secure-score-report/monitoring/2026-W02", AuditActions.Completed, new Actor("aad-ada", "Lovelace, Ada"), at, "line one\r\nline \"two\""),
            new AuditEntry("t1", null, null, AuditActions.ChannelBound, Actor.Bot, at, null),
        };

        var rows = CsvReader.Read(AuditCsv.Write(entries));

        Assert.Equal(AuditCsv.Columns, rows[0]);
        Assert.Equal(["2026-01-05T09:42:07.123Z", "t1", "monitoring", "generate-secure-score-report/monitoring/2026-W02", "completed", "aad-ada", "Lovelace, Ada", "line one\r\nline \"two\""], rows[1]);
        Assert.Equal(["2026-01-05T09:42:07.123Z", "t1", "", "", "channel-bound", "socbot", "SocBot", ""], rows[2]);
        Assert.Equal(3, rows.Count);
    }
}
