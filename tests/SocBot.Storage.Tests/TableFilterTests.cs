namespace SocBot.Storage.Tests;

public sealed class TableFilterTests
{
    [Fact]
    public void Create_StringWithQuotes_DoublesQuotesInsideOneLiteral()
    {
        var userText = "x' or RowKey ne '";

        var filter = TableFilter.Create($"PartitionKey eq {userText}");

        Assert.Equal("PartitionKey eq 'x'' or RowKey ne '''", filter);
    }

    [Fact]
    public void Create_TypedValues_UseODataLiterals()
    {
        var when = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(1));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableFilter.Create($"A eq {1} and B eq {2L} and C eq {2.0} and D eq {true} and E ge {when} and F eq {id} and G eq {new byte[] { 10, 255 }}");

        Assert.Equal(
            "A eq 1 and B eq 2L and C eq 2.0 and D eq true and E ge datetime'2026-01-05T09:00:00.0000000Z' and F eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and G eq X'0AFF'",
            filter);
    }

    [Fact]
    public void Create_NullOrUnsupportedValue_Throws()
    {
        string? nothing = null;

        Assert.Throws<ArgumentNullException>(() => TableFilter.Create($"A eq {nothing}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {new object()}"));
    }

    [Fact]
    public void StartsWith_Prefix_IsHalfOpenRange()
    {
        Assert.Equal("RowKey ge 'due|' and RowKey lt 'due}'", TableFilter.StartsWith("RowKey", "due|"));
    }
}
