using SocBot.Protocol.Connector;

namespace SocBot.Protocol.Tests.Connector;

public sealed class ConnectorTokenProviderTests
{
    [Fact]
    public async Task GetToken_ReusesUntilFiveMinutesBeforeExpiry_ThenRefreshes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var credential = new FixedTokenCredential("t", time);
        var tokens = new ConnectorTokenProvider(credential, time);

        await tokens.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        await tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, credential.Requests);

        time.Advance(TimeSpan.FromMinutes(2));
        await tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(2, credential.Requests);
    }

    [Fact]
    public async Task GetToken_ConcurrentCallers_ShareOneRefresh()
    {
        var credential = new FixedTokenCredential("t");
        var tokens = new ConnectorTokenProvider(credential, TimeProvider.System);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.All(all, t => Assert.Equal("t", t));
        Assert.Equal(1, credential.Requests);
    }

    [Fact]
    public async Task GetToken_WithoutCredential_IsNull()
    {
        var tokens = new ConnectorTokenProvider(null, TimeProvider.System);

        Assert.Null(await tokens.GetTokenAsync(CancellationToken.None));
        Assert.False(tokens.IsEnabled);
    }
}
