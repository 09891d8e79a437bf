using Azure.Core;

namespace SocBot.Testing;

/// <summary>A credential that hands out one token valid for an hour and counts how often it was asked.</summary>
public sealed class FixedTokenCredential(string token, TimeProvider? time = null) : TokenCredential
{
    private int _requests;

    public int Requests => _requests;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return new AccessToken(token, (time ?? TimeProvider.System).GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
