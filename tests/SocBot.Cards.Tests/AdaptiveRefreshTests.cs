namespace SocBot.Cards.Tests;

public sealed class AdaptiveRefreshTests
{
    [Fact]
    public void Action_SubmitAction_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveRefresh { Action = new AdaptiveSubmitAction() });
    }

    [Fact]
    public void UserIds_MoreThanSixty_Throws()
    {
        var ids = Enumerable.Range(0, AdaptiveRefresh.MaxUserIds + 1).Select(i => $"29:{i}").ToList();

        Assert.Throws<ArgumentException>(() => new AdaptiveRefresh { Action = new AdaptiveExecuteAction { Verb = "refresh" }, UserIds = ids });
    }

    [Fact]
    public void UserIds_Sixty_Accepted()
    {
        var ids = Enumerable.Range(0, AdaptiveRefresh.MaxUserIds).Select(i => $"29:{i}").ToList();

        var refresh = new AdaptiveRefresh { Action = new AdaptiveExecuteAction { Verb = "refresh" }, UserIds = ids };

        Assert.Equal(60, refresh.UserIds!.Count);
    }
}
