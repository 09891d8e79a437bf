using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocBot.Protocol.Authentication;

/// <summary>
/// Checks a channel's bearer token by the Bot Framework rules: signature by a key from the channel's OpenID metadata,
/// issuer, audience (the app id), lifetime with skew, the serviceurl claim equal to the activity's serviceUrl, and the
/// signing key endorsed for the activity's channel.
/// The channel sends the same token with every activity until it expires, so a token whose signature, issuer and
/// audience passed is remembered by its exact text: later activities carrying it skip only the signature check, and
/// only while the key that verified it is still the channel's key under that id. Lifetime, serviceurl and endorsement
/// are checked on every activity.
/// </summary>
public sealed class BotTokenValidator(
    OpenIdSigningKeyProvider keys,
    IOptions<BotAuthenticationOptions> authOptions,
    IOptions<BotCredentialsOptions> credentials,
    TimeProvider time)
{
    /// <summary>Tokens remembered at once; the channel holds a handful at a time, so this is only a ceiling.</summary>
    internal const int RememberedTokens = 1024;

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, VerifiedToken> _verified = new(StringComparer.Ordinal);

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

        var raw = parts[1];
        var settings = authOptions.Value;
        var verified = await RememberedAsync(raw, settings.ClockSkew, cancellationToken);
        if (verified is null)
        {
            var checkedNow = await VerifyAsync(raw, appId, settings, cancellationToken);
            if (checkedNow.Refusal is not null)
            {
                return checkedNow.Refusal;
            }

            verified = checkedNow.Token!;
            Remember(raw, verified);
        }

        if (verified.ServiceUrl is null || !string.Equals(verified.ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Refused("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (channelId is null || !verified.Key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Refused($"signing key '{verified.Key.KeyId}' is not endorsed for channel '{channelId}'");
        }

        return AuthenticationOutcome.Authenticated(verified.Identity);
    }

    /// <summary>
    /// A remembered token still inside its lifetime and still under the same key; anything else is forgotten and checked
    /// in full again (which then refuses it, or remembers it anew under the current key).
    /// </summary>
    private async Task<VerifiedToken?> RememberedAsync(string raw, TimeSpan skew, CancellationToken cancellationToken)
    {
        if (!_verified.TryGetValue(raw, out var remembered))
        {
            return null;
        }

        var key = await keys.GetKeyAsync(remembered.Key.KeyId, cancellationToken);
        if (ReferenceEquals(key, remembered.Key) && IsWithinLifetime(remembered.NotBefore, remembered.Expires, skew))
        {
            return remembered;
        }

        _verified.TryRemove(raw, out _);
        return null;
    }

    private async Task<(VerifiedToken? Token, AuthenticationOutcome? Refusal)> VerifyAsync(
        string raw, string appId, BotAuthenticationOptions settings, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return (null, AuthenticationOutcome.Refused("the bearer token is not a JWT"));
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return (null, AuthenticationOutcome.Refused("the token names no signing key (kid)"));
        }

        var key = await keys.GetKeyAsync(token.Kid, cancellationToken);
        if (key is null)
        {
            return (null, AuthenticationOutcome.Refused($"signing key '{token.Kid}' is not in the channel's keys"));
        }

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

        // The token already read is validated as it is: reading the text a second time cost as much as the rest of the check.
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return (null, AuthenticationOutcome.Refused($"token rejected: {result.Exception?.GetType().Name ?? "invalid"}"));
        }

        var notBefore = token.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _) ? token.ValidFrom : (DateTime?)null;
        return (new VerifiedToken(key, result.ClaimsIdentity, result.ClaimsIdentity.FindFirst("serviceurl")?.Value, notBefore, token.ValidTo), null);
    }

    private void Remember(string raw, VerifiedToken token)
    {
        if (_verified.Count >= RememberedTokens)
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (text, old) in _verified)
            {
                if (old.Expires + authOptions.Value.ClockSkew < now)
                {
                    _verified.TryRemove(text, out _);
                }
            }

            if (_verified.Count >= RememberedTokens)
            {
                return;
            }
        }

        _verified[raw] = token;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }

    /// <summary>What a full check established about a token, apart from the activity it came with.</summary>
    private sealed record VerifiedToken(SigningKey Key, ClaimsIdentity Identity, string? ServiceUrl, DateTime? NotBefore, DateTime Expires);
}
