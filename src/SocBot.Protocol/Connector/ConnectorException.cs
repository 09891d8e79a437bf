using System.Net;

namespace SocBot.Protocol.Connector;

/// <summary>
/// A connector call that failed for good: the status and error body as the service sent them, or a timeout.
/// Callers decide from <see cref="StatusCode"/>: 403 with MessageWritesBlocked means the bot was removed, 413 the message was too big.
/// <see cref="MayHaveBeenDelivered"/> marks a post that timed out or got 502/504: Teams may have delivered it, so posting
/// it again could show it twice.
/// </summary>
public sealed class ConnectorException(string operation, HttpStatusCode? statusCode, string? errorCode, string body, Exception? inner = null)
    : Exception(Describe(operation, statusCode, errorCode, body), inner)
{
    public string Operation { get; } = operation;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;

    public string Body { get; } = body;

    public bool IsTimeout => StatusCode is null;

    public bool MayHaveBeenDelivered { get; init; }

    private static string Describe(string operation, HttpStatusCode? status, string? code, string body)
    {
        if (status is null)
        {
            return $"Connector call '{operation}' timed out or lost its connection.";
        }

        var snippet = body.Length > 300 ? body[..300] + "…" : body;
        return $"Connector call '{operation}' failed with {(int)status} {status}{(code is null ? "" : $" ({code})")}: {snippet}";
    }
}
