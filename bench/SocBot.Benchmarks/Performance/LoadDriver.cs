using System.Collections.Concurrent;
using System.Diagnostics;
using SocBot.Benchmarks.Hosting;

namespace SocBot.Benchmarks.Performance;

/// <summary>
/// Drives /api/messages over loopback in two ways. Closed loop: a fixed number of connections, each sending its next
/// request as soon as the last is answered, which finds the saturation rate. Open loop: requests start on a fixed
/// schedule whatever the answers do, and latency counts from the scheduled instant, so a stall shows up as the queue
/// behind it rather than being hidden by the driver slowing down with the server.
/// </summary>
public sealed class LoadDriver(Uri botUrl, Func<long, byte[]> message, string? token)
{
    private long _sequence;

    public async Task<LoadResult> ClosedLoopAsync(int connections, TimeSpan warmUp, TimeSpan duration)
    {
        using var http = NewClient(botUrl, connections);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var stopAt = Stopwatch.GetTimestamp() + Ticks(warmUp + duration);
        var measureFrom = Stopwatch.GetTimestamp() + Ticks(warmUp);
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(http);
                if (started >= measureFrom && Stopwatch.GetTimestamp() < stopAt)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!ok)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        return LoadResult.From([.. latencies], failures, duration);
    }

    public async Task<LoadResult> OpenLoopAsync(double perSecond, TimeSpan warmUp, TimeSpan duration)
    {
        using var http = NewClient(botUrl, connections: 1024);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var inFlight = new List<Task>();
        var interval = Stopwatch.Frequency / perSecond;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(warmUp);
        var total = (long)((warmUp + duration).TotalSeconds * perSecond);
        for (var k = 0L; k < total; k++)
        {
            var due = start + (long)(k * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (left > TimeSpan.FromMilliseconds(2))
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            var measured = due >= measureFrom;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await SendAsync(http);
                if (measured)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                    if (!ok)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return LoadResult.From([.. latencies], failures, duration);
    }

    private async Task<bool> SendAsync(HttpClient http)
    {
        var n = Interlocked.Increment(ref _sequence);
        try
        {
            using var request = BotProcess.ActivityRequest(message(n), token);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static HttpClient NewClient(Uri baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
