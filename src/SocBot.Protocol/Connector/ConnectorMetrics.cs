using System.Diagnostics.Metrics;
using System.Net;

namespace SocBot.Protocol.Connector;

/// <summary>
/// The connector's meter: every answer Teams gave (429s among them), the retries made, and the time calls waited for
/// their turn in the pacer. Tagged by operation (<see cref="ConnectorOperation"/>), never by conversation or tenant.
/// </summary>
public static class ConnectorMetrics
{
    public const string MeterName = "SocBot.Connector";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Responses = Meter.CreateCounter<long>(
        "socbot.connector.responses", "{response}", "Answers from the Bot Connector, one per attempt, by operation and status code.");

    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "socbot.connector.throttled", "{response}", "429 Too Many Requests answers from the Bot Connector, by operation.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "socbot.connector.retries", "{retry}", "Connector calls sent again, by operation and the reason (status code or timeout).");

    private static readonly Histogram<double> PacerWait = Meter.CreateHistogram<double>(
        "socbot.connector.pacer.wait", "s", "How long a connector call waited for its turn under Teams' rate limits.");

    public static void Answered(HttpRequestMessage request, HttpStatusCode status)
    {
        var operation = new KeyValuePair<string, object?>("operation", ConnectorOperation.Of(request));
        Responses.Add(1, operation, new("status", (int)status));
        if (status == HttpStatusCode.TooManyRequests)
        {
            Throttled.Add(1, operation);
        }
    }

    public static void Retrying(HttpRequestMessage request, string reason) =>
        Retries.Add(1, new("operation", ConnectorOperation.Of(request)), new("reason", reason));

    public static void Paced(TimeSpan wait) => PacerWait.Record(wait.TotalSeconds);
}
