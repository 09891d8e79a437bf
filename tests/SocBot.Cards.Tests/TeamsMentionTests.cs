namespace SocBot.Cards.Tests;

public sealed class TeamsMentionTests
{
    [Fact]
    public void Of_IdAndName_WrapsTheNameInAtTags()
    {
        var mention = TeamsMention.Of("29:1abc", "Ada");

        Assert.Equal("<at>Ada</at>", mention.Text);
        Assert.Equal(new TeamsMentioned("29:1abc", "Ada"), mention.Mentioned);
        Assert.Equal("mention", mention.Type);
    }

    [Theory]
    [InlineData("", "Ada")]
    [InlineData("29:1", " ")]
    public void Of_BlankIdOrName_Throws(string id, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => TeamsMention.Of(id, name));
    }
}
