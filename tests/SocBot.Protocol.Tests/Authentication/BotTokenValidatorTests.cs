using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;

namespace SocBot.Protocol.Tests.Authentication;

/// <summary>
/// A token accepted once is remembered so the next activity with it skips the signature check; these tests hold that
/// remembering it never lets through what the full check would refuse.
/// </summary>
public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "0d3c0f5e-5a5c-4d43-9c43-3f0c1bb0b0b1";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ChannelTokenIssuer _issuer = null!;
    private BotTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ChannelTokenIssuer.StartAsync();
        var authentication = new BotAuthenticationOptions { OpenIdMetadataUrl = _issuer.MetadataUrl };
        new BotAuthenticationDefaults().PostConfigure(null, authentication);
        var keys = new OpenIdSigningKeyProvider(new HttpClient(), Options.Create(authentication), _time, NullLogger<OpenIdSigningKeyProvider>.Instance);
        _validator = new BotTokenValidator(keys, Options.Create(authentication), Options.Create(new BotCredentialsOptions { MicrosoftAppId = AppId }), _time);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task SameToken_IsAcceptedAgain_WithTheSameIdentity()
    {
        var token = Token(TimeSpan.FromMinutes(30));

        var first = await ValidateAsync(token);
        var second = await ValidateAsync(token);

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.True(second.Succeeded, second.FailureReason);
        Assert.Equal(ServiceUrl, second.Identity!.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task RememberedToken_PastItsExpiryAndSkew_IsRefused()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        Assert.True((await ValidateAsync(token)).Succeeded);

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.True((await ValidateAsync(token)).Succeeded);

        _time.Advance(TimeSpan.FromMinutes(2));
        var late = await ValidateAsync(token);
        Assert.False(late.Succeeded);
        Assert.Contains("Lifetime", late.FailureReason);
    }

    [Theory]
    [InlineData("https://attacker.example/", "msteams", "serviceurl claim does not match")]
    [InlineData(ServiceUrl, "webchat", "not endorsed for channel")]
    public async Task RememberedToken_WithAnActivityItDoesNotCover_IsRefused(string serviceUrl, string channelId, string reason)
    {
        var token = Token(TimeSpan.FromMinutes(30));
        Assert.True((await ValidateAsync(token)).Succeeded);

        var other = await _validator.ValidateAsync($"Bearer {token}", serviceUrl, channelId, CancellationToken.None);

        Assert.False(other.Succeeded);
        Assert.Contains(reason, other.FailureReason);
    }

    [Fact]
    public async Task RememberedToken_OnceItsKeyIsRolledOutOfTheChannelsKeys_IsRefused()
    {
        var token = Token(TimeSpan.FromHours(30));
        Assert.True((await ValidateAsync(token)).Succeeded);

        _issuer.RotateKey();
        _time.Advance(TimeSpan.FromHours(25));
        var afterRollOver = await ValidateAsync(token);

        Assert.False(afterRollOver.Succeeded);
        Assert.Contains("not in the channel's keys", afterRollOver.FailureReason);
        Assert.True((await ValidateAsync(Token(TimeSpan.FromMinutes(30)))).Succeeded);
    }

    private string Token(TimeSpan lifetime) =>
        _issuer.CreateToken(AppId, ServiceUrl, new TokenShape { IssuedAt = _time.GetUtcNow(), ExpiresOffset = lifetime });

    private Task<AuthenticationOutcome> ValidateAsync(string token) =>
        _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams", CancellationToken.None);
}
