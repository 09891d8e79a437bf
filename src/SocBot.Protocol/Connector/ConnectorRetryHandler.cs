using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Retries what Teams asks us to retry (429, 412, 502, 503, 504), honouring Retry-After, else with exponential backoff and
/// jitter, bounded in attempts and total wait. Idempotent calls (GET, PUT, DELETE) are retried on all of those and after a
/// timeout. A POST (send, reply, create conversation) is retried only when Teams says it did not process it (429, 412,
/// 503); after a timeout, 502 or 504 it may have been delivered, so it goes back to the caller, which knows whether a
/// second copy would hurt (<see cref="ConnectorException.MayHaveBeenDelivered"/>).
/// Each attempt takes its own turn in the pacer below, so a retry waits for Retry-After and then for a place in the
/// windows, never landing in a window the pacer has already given to another call.
/// Microsoft.Extensions.Http.Resilience is not used: these rules depend on the method and the status together and on a
/// budget for the sum of all waits, so its retry would need our own predicate and delay generator anyway.
/// </summary>
public sealed partial class ConnectorRetryHandler(IOptions<ConnectorRetryOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger)
    : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> NotProcessed =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.ServiceUnavailable,
    ];

    private static readonly HashSet<HttpStatusCode> MaybeProcessed =
    [
        HttpStatusCode.BadGateway,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>A 502 or 504: the gateway gave up, but the service behind it may have done the work.</summary>
    public static bool MayHaveBeenProcessed(HttpStatusCode status) => MaybeProcessed.Contains(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var timeout = new CancellationTokenSource(settings.AttemptTimeout, time))
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token);
                    ConnectorMetrics.Answered(request, response.StatusCode);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!IsIdempotent(request.Method) || attempt >= settings.MaxAttempts)
                    {
                        throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} timed out after {settings.AttemptTimeout}.");
                    }

                    Log.Retrying(logger, request.Method.Method, request.RequestUri?.AbsolutePath, "timeout", attempt);
                    ConnectorMetrics.Retrying(request, "timeout");
                    continue;
                }
            }

            if (!IsRetryable(request.Method, response.StatusCode) || attempt >= settings.MaxAttempts)
            {
                return response;
            }

            var delay = DelayFor(response, attempt, settings);
            if (waited + delay > settings.MaxTotalDelay)
            {
                return response;
            }

            Log.Retrying(logger, request.Method.Method, request.RequestUri?.AbsolutePath, ((int)response.StatusCode).ToString(), attempt);
            ConnectorMetrics.Retrying(request, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.Dispose();
            waited += delay;
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private static bool IsRetryable(HttpMethod method, HttpStatusCode status) =>
        NotProcessed.Contains(status) || (IsIdempotent(method) && MaybeProcessed.Contains(status));

    private static bool IsIdempotent(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;

    private TimeSpan DelayFor(HttpResponseMessage response, int attempt, ConnectorRetryOptions settings)
    {
        if (RetryAfter.Of(response, time.GetUtcNow()) is { } asked)
        {
            return asked;
        }

        var exponential = settings.BaseDelay * Math.Pow(2, attempt - 1);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        var delay = exponential * jitter;
        return delay > settings.MaxDelay ? settings.MaxDelay : delay;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} {Path} answered {Reason}; retrying (attempt {Attempt})")]
        public static partial void Retrying(ILogger logger, string method, string? path, string reason, int attempt);
    }
}
