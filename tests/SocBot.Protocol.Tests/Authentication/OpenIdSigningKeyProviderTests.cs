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

    [Fact]
    public async Task GetKey_MetadataDownWhenTheKeysAreDue_KeepsTheCachedKeys_AndRetriesWithBackoff()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var provider = await CachedAsync(issuer, time);

        issuer.MetadataDown = true;
        time.Advance(TimeSpan.FromHours(25));
        var during = await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);

        Assert.Equal(ChannelTokenIssuer.KeyId, during?.KeyId);
        Assert.Equal(2, issuer.MetadataRequests);

        time.Advance(TimeSpan.FromSeconds(30));
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        Assert.Equal(3, issuer.MetadataRequests);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None));
        Assert.Equal(4, issuer.MetadataRequests);
    }

    [Fact]
    public async Task GetKey_RotatedKeyAfterAnOutage_IsLoadedByOneRefreshOnceTheEndpointIsBack()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var provider = await CachedAsync(issuer, time);
        issuer.MetadataDown = true;
        time.Advance(TimeSpan.FromHours(25));
        await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);

        issuer.MetadataDown = false;
        issuer.RotateKey();
        var rotated = await provider.GetKeyAsync(issuer.CurrentKeyId, CancellationToken.None);

        Assert.Equal(issuer.CurrentKeyId, rotated?.KeyId);
        Assert.Equal(2, issuer.KeyFetches);
    }

    [Fact]
    public async Task GetKey_RefreshHangs_OnlyTheRequestThatStartedItWaits_AndNoLongerThanItsTimeout()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var provider = await CachedAsync(issuer, time);
        issuer.DelayNextRequest(TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromHours(25));

        var first = provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);
        var second = await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None);

        Assert.False(first.IsCompleted);
        Assert.Equal(ChannelTokenIssuer.KeyId, second?.KeyId);
        time.Advance(new BotAuthenticationOptions().KeyRefreshTimeout);
        Assert.Equal(ChannelTokenIssuer.KeyId, (await first)?.KeyId);
    }

    /// <summary>A provider that has loaded the issuer's keys once.</summary>
    private static async Task<OpenIdSigningKeyProvider> CachedAsync(ChannelTokenIssuer issuer, TimeProvider time)
    {
        var provider = new OpenIdSigningKeyProvider(
            new HttpClient(),
            Options.Create(new BotAuthenticationOptions { OpenIdMetadataUrl = issuer.MetadataUrl }),
            time,
            NullLogger<OpenIdSigningKeyProvider>.Instance);
        Assert.NotNull(await provider.GetKeyAsync(ChannelTokenIssuer.KeyId, CancellationToken.None));
        return provider;
    }
}
