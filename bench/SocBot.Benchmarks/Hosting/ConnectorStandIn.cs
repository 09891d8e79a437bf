using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocBot.Benchmarks.Hosting;

/// <summary>
/// A fast loopback Bot Connector for load: every activity posted (a send or a reply) is answered 200 with a resource id, as Teams
/// does, and only counted, not kept (SocBot.Testing's LoopbackServer records each request, which under 100,000 of them
/// costs the shared CPU more than the bots being measured). It also serves the App Service managed-identity endpoint
/// (IDENTITY_ENDPOINT) so a bot with authentication on gets its outbound token from loopback.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    public const string IdentityHeader = "socbot-bench";
    private readonly WebApplication _app;
    private long _replies;
    private long _firstReplyAt;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri IdentityEndpoint => new(BaseUrl, "msi/token");

    /// <summary>Activities the bots posted back.</summary>
    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>The Stopwatch timestamp of the first reply, 0 before it.</summary>
    public long FirstReplyAt => Interlocked.Read(ref _firstReplyAt);

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var standIn = new ConnectorStandIn(builder.Build());
        standIn._app.MapGet("/msi/token", ManagedIdentityToken);
        standIn._app.MapPost("/v3/conversations/{conversationId}/activities", standIn.ActivityPostedAsync);
        standIn._app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", standIn.ActivityPostedAsync);
        await standIn._app.StartAsync();
        var address = standIn._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        standIn.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ActivityPostedAsync(HttpRequest request)
    {
        await request.Body.CopyToAsync(Stream.Null);
        Interlocked.CompareExchange(ref _firstReplyAt, Stopwatch.GetTimestamp(), 0);
        var n = Interlocked.Increment(ref _replies);
        return Results.Text($$"""{"id":"{{n}}"}""", "application/json");
    }

    /// <summary>The App Service identity endpoint's answer (api-version 2019-08-01): a bearer token good for an hour.</summary>
    private static IResult ManagedIdentityToken(HttpRequest request)
    {
        if (request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Results.Text(
            $$"""{"access_token":"bench-outbound-token","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer","client_id":"{{request.Query["client_id"]}}"}""",
            "application/json");
    }
}
