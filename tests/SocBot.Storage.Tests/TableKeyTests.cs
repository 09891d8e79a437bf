namespace SocBot.Storage.Tests;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain-key_1")]
    [InlineData("task-id/team-id/2026-W01")]
    [InlineData("a\\b#c?d%e~f|g\th\u0085i\u007f")]
    [InlineData("~0041 looks escaped")]
    [InlineData("emoji 🔥 and ünïcode")]
    public void Decode_EncodedValue_ReturnsOriginal(string value)
    {
        var encoded = TableKey.Encode(value);

        Assert.Equal(value, TableKey.Decode(encoded));
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c));
    }

    [Fact]
    public void Encode_SafeValue_Unchanged()
    {
        Assert.Equal("threat-intel 🔥", TableKey.Encode("threat-intel 🔥"));
    }

    [Fact]
    public void Split_ComposedSegmentsContainingSeparator_ReturnsSegments()
    {
        var composed = TableKey.Compose("tenant|1", "occ", "team/a");

        Assert.Equal(["tenant|1", "occ", "team/a"], TableKey.Split(composed));
        Assert.Equal(2, composed.Count(c => c == TableKey.Separator));
    }

    [Fact]
    public void Decode_BrokenEscape_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => TableKey.Decode("abc~12"));
        Assert.Throws<FormatException>(() => TableKey.Decode("abc~zzzz"));
    }
}
