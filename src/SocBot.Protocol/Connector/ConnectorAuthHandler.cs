using System.Net;
using System.Net.Http.Headers;

namespace SocBot.Protocol.Connector;

/// <summary>Puts the bot's bearer token on each connector request; on a 401 fetches a fresh token once and tries again.</summary>
public sealed class ConnectorAuthHandler(ConnectorTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate(token);
        var fresh = await tokens.GetTokenAsync(cancellationToken);
        if (fresh is null || fresh == token)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
