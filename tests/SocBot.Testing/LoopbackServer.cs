using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocBot.Testing;

/// <summary>
/// A real Kestrel server on a free 127.0.0.1 port standing in for a cloud service (the Bot Connector, Entra's OpenID
/// metadata, Graph). It records every request and answers with what the test programs, in that service's wire format.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, Task<LoopbackResponse?>>> _scripted = new();
    private Func<RecordedRequest, Task<LoopbackResponse>> _default = _ => Task.FromResult(LoopbackResponse.Json(200, "{}"));

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How long every answer takes after the service has acted on the request, as a slow service's would.</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new LoopbackServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The answer to every request no script claims.</summary>
    public void SetDefault(Func<RecordedRequest, LoopbackResponse> respond) => _default = r => Task.FromResult(respond(r));

    /// <summary>The same, for a service that takes its time over some answers.</summary>
    public void SetDefault(Func<RecordedRequest, Task<LoopbackResponse>> respond) => _default = respond;

    /// <summary>Answers the next request (only) with <paramref name="response"/>; queued scripts run in order.</summary>
    public void EnqueueResponse(LoopbackResponse response) => _scripted.Enqueue(_ => Task.FromResult<LoopbackResponse?>(response));

    /// <summary>Answers the next request after <paramref name="delay"/> (a timeout from the client's side).</summary>
    public void EnqueueDelay(TimeSpan delay, LoopbackResponse response) =>
        _scripted.Enqueue(async _ =>
        {
            await Task.Delay(delay);
            return response;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        var response = _scripted.TryDequeue(out var script) ? await script(recorded) : null;
        response ??= await _default(recorded);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }
}
