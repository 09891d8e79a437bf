using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;

namespace SocBot.Protocol.Tests.Authentication;

public sealed class OpenIdSigningKeyProviderTests
{
    [Fact]
    public async Task GetKey_CachesKeys_RefreshesDaily_AndRateLimitsUnknownKeyRefreshes()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var provider = new OpenIdSigningKeyProvider(
            new HttpClient(),
            Options.Create(new BotAuthenticationOptions { OpenIdMetadataUrl = issuer.MetadataUrl }),
            time,
            NullLogger<OpenIdSigningKeyProvider>.Instance);

        var key = await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        Assert.Equal(["msteams"], key!.Endorsements);
        Assert.Equal(1, issuer.KeyFetches);

        Assert.Null(await provider.GetKeyAsync("rolled-over", CancellationToken.None));
        Assert.Null(await provider.GetKeyAsync("rolled-over", CancellationToken.None));
        Assert.Equal(2, issuer.KeyFetches);

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await provider.GetKeyAsync("rolled-over", CancellationToken.None));
        Assert.Equal(3, issuer.KeyFetches);

        time.Advance(TimeSpan.FromHours(24));
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        Assert.Equal(4, issuer.KeyFetches);
    }
}
