using System.Net;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Connector;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// Channel tokens checked over real HTTP: the bot runs as in production (an app id, Production environment) and fetches
/// its keys from a loopback OpenID metadata endpoint serving a locally generated RSA key.
/// </summary>
public sealed class AuthenticationEndToEndTests : IAsyncLifetime
{
    private const string AppId = "0d3c0f5e-5a5c-4d43-9c43-3f0c1bb0b0b1";
    private ChannelTokenIssuer _issuer = null!;
    private LoopbackServer _connector = null!;
    private SocBotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ChannelTokenIssuer.StartAsync();
        _connector = await LoopbackServer.StartAsync();
        _connector.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"reply-1"}"""));
        _bot = await StartBotAsync(_issuer, allowedTenants: null);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_IsAccepted_AndReplyCarriesTheBotsOwnToken()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, "help");
        var token = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri);

        using var response = await _bot.PostActivityAsync(activity.ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("Bearer outbound-token", reply.Header("Authorization"));
    }

    [Fact]
    public async Task ExpiredWithinClockSkew_IsAccepted()
    {
        var token = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri, new TokenShape { NotBeforeOffset = TimeSpan.FromMinutes(-30), ExpiresOffset = TimeSpan.FromMinutes(-3) });

        using var response = await _bot.PostActivityAsync(QuietActivity(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, TokenShape> BadShapes() => new()
    {
        { "expired", new TokenShape { NotBeforeOffset = TimeSpan.FromMinutes(-60), ExpiresOffset = TimeSpan.FromMinutes(-10) } },
        { "not yet valid", new TokenShape { NotBeforeOffset = TimeSpan.FromMinutes(10), ExpiresOffset = TimeSpan.FromMinutes(40) } },
        { "wrong issuer", new TokenShape { Issuer = "https://sts.windows.net/evil/" } },
        { "serviceurl claim mismatch", new TokenShape { ServiceUrlClaim = "https://attacker.example/" } },
        { "signed by an unknown key under a known kid", new TokenShape { SignWithUnknownKey = true } },
        { "unknown kid", new TokenShape { KeyId = "no-such-key", SignWithUnknownKey = true } },
    };

    [Theory]
    [MemberData(nameof(BadShapes))]
    public async Task BadToken_Answers401(string why, TokenShape shape)
    {
        var token = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri, shape);

        using var response = await _bot.PostActivityAsync(QuietActivity(), token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Fact]
    public async Task WrongAudience_Answers401()
    {
        var token = _issuer.CreateToken("11111111-2222-3333-4444-555555555555", _connector.BaseUrl.AbsoluteUri);

        using var response = await _bot.PostActivityAsync(QuietActivity(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiAudienceForms_AreAccepted()
    {
        foreach (var audience in new[] { $"api://{AppId}", $"api://botid-{AppId}" })
        {
            using var response = await _bot.PostActivityAsync(QuietActivity(), _issuer.CreateToken(audience, _connector.BaseUrl.AbsoluteUri));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task UnsignedAlgNone_Answers401()
    {
        using var response = await _bot.PostActivityAsync(QuietActivity(), _issuer.CreateUnsignedToken(AppId, _connector.BaseUrl.AbsoluteUri));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer not-a-jwt")]
    public async Task MissingOrMalformedHeader_Answers401(string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(QuietActivity(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_Answers401()
    {
        await using var slackIssuer = await ChannelTokenIssuer.StartAsync("slack");
        await using var bot = await StartBotAsync(slackIssuer, allowedTenants: null);

        using var response = await bot.PostActivityAsync(QuietActivity(), slackIssuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TenantNotAllowed_Answers403_AndAllowedTenantPasses()
    {
        await using var bot = await StartBotAsync(_issuer, allowedTenants: TeamsActivities.TenantId);
        var token = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri);

        using var foreign = await bot.PostActivityAsync(TeamsActivities.ChannelMessage(_connector.BaseUrl, "help", tenantId: "00000000-0000-0000-0000-0000000e0f11").ToJsonString(), token);
        using var own = await bot.PostActivityAsync(TeamsActivities.ChannelMessage(_connector.BaseUrl, "help").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task ManyTokensWithUnknownKeys_FetchKeysAtMostTwice()
    {
        for (var i = 0; i < 5; i++)
        {
            var forged = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri, new TokenShape { KeyId = $"forged-{i}", SignWithUnknownKey = true });
            using var response = await _bot.PostActivityAsync(QuietActivity(), forged);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.InRange(_issuer.KeyFetches, 1, 2);
    }

    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart_NamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SocBotTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Production"));

        Assert.Contains("MicrosoftAppId", failure.Message);
    }

    [Fact]
    public async Task SingleTenant_WithoutTenantOrPassword_RefusesToStart_NamingEachKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SocBotTestHost.StartAsync(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant" },
            environment: "Production"));

        Assert.Contains("MicrosoftAppTenantId", failure.Message);
        Assert.Contains("MicrosoftAppPassword", failure.Message);
    }

    /// <summary>An event activity: authenticated, answered 200, and nothing is sent back, so no outbound call muddies the check.</summary>
    private string QuietActivity()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, "");
        activity["type"] = "event";
        activity["name"] = "socbot/test";
        return activity.ToJsonString();
    }

    private static Task<SocBotTestHost> StartBotAsync(ChannelTokenIssuer issuer, string? allowedTenants) =>
        SocBotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used-outbound-token-is-fixed",
                ["BotAuthentication:OpenIdMetadataUrl"] = issuer.MetadataUrl.AbsoluteUri,
            }.Concat(allowedTenants is null ? [] : [KeyValuePair.Create("SocBot:AllowedTenantIds:0", (string?)allowedTenants)]).ToDictionary(),
            environment: "Production",
            services =>
            {
                services.RemoveAll<ConnectorTokenProvider>();
                services.AddSingleton(sp => new ConnectorTokenProvider(new FixedTokenCredential("outbound-token"), sp.GetRequiredService<TimeProvider>()));
            });
}
