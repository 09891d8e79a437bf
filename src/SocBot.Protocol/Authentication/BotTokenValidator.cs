using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocBot.Protocol.Authentication;

/// <summary>
/// Checks a channel's bearer token by the Bot Framework rules: signature by a key from the channel's OpenID metadata,
/// issuer, audience (the app id), lifetime with skew, the serviceurl claim equal to the activity's serviceUrl, and the
/// signing key endorsed for the activity's channel.
/// </summary>
public sealed class BotTokenValidator(
    OpenIdSigningKeyProvider keys,
    IOptions<BotAuthenticationOptions> authOptions,
    IOptions<BotCredentialsOptions> credentials,
    TimeProvider time)
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationOutcome> ValidateAsync(string? authorizationHeader, string serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        var appId = credentials.Value.MicrosoftAppId;
        if (string.IsNullOrEmpty(authorizationHeader) && credentials.Value.IsAuthenticationDisabled)
        {
            return AuthenticationOutcome.Anonymous;
        }

        if (string.IsNullOrWhiteSpace(appId))
        {
            return AuthenticationOutcome.Refused("a token was sent but no MicrosoftAppId is configured to check its audience");
        }

        var parts = (authorizationHeader ?? string.Empty).Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            return AuthenticationOutcome.Refused("the Authorization header is missing or not 'Bearer <token>'");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return AuthenticationOutcome.Refused("the bearer token is not a JWT");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthenticationOutcome.Refused("the token names no signing key (kid)");
        }

        var key = await keys.GetKeyAsync(token.Kid, cancellationToken);
        if (key is null)
        {
            return AuthenticationOutcome.Refused($"signing key '{token.Kid}' is not in the channel's keys");
        }

        var settings = authOptions.Value;
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = settings.ValidIssuers,
            ValidAudiences = [appId, $"api://{appId}", $"api://botid-{appId}"],
            IssuerSigningKey = key.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, p.ClockSkew),
        };

        var result = await _handler.ValidateTokenAsync(parts[1], parameters);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Refused($"token rejected: {result.Exception?.GetType().Name ?? "invalid"}");
        }

        var claimedServiceUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (claimedServiceUrl is null || !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Refused("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (channelId is null || !key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Refused($"signing key '{key.KeyId}' is not endorsed for channel '{channelId}'");
        }

        return AuthenticationOutcome.Authenticated(result.ClaimsIdentity);
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }
}
