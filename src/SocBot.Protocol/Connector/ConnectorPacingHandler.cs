using System.Net;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Takes the pacer's turn for every attempt sent to the connector, a retry as much as the first, and tells the pacer when
/// the answer came and whether it was a 429. It sits innermost, below the retry and token handlers, so a turn starts as
/// close to the wire as the process allows.
/// </summary>
public sealed class ConnectorPacingHandler(ConversationPacer pacer, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(PacingKey.Option, out var key))
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri?.AbsolutePath} names no tenant and thread to pace it by.");
        }

        var turn = await pacer.WaitTurnAsync(key.TenantId, key.Thread, cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                turn.Throttled(RetryAfter.Of(response, time.GetUtcNow()));
            }

            return response;
        }
        finally
        {
            turn.Answered();
        }
    }
}
