using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;
using SocBot.Protocol.Connector;

namespace SocBot.Protocol.Tests.Connector;

/// <summary>A ConnectorClient wired as in production (retry → auth → pacing → socket) against a loopback stand-in for the connector.</summary>
internal static class ConnectorHarness
{
    public static ConnectorClient Create(
        LoopbackServer server,
        ConnectorRetryOptions? retry = null,
        TimeProvider? time = null,
        ConnectorTokenProvider? tokens = null,
        ConnectorPacingOptions? pacing = null)
    {
        time ??= TimeProvider.System;
        var trusted = new TrustedServiceUrls(Options.Create(new BotAuthenticationOptions { TrustedServiceUrls = [server.BaseUrl] }));
        var pacer = new ConversationPacer(Options.Create(pacing ?? ConnectorPacingOptions.TeamsDefaults()), time);
        var retryHandler = new ConnectorRetryHandler(Options.Create(retry ?? FastRetry()), time, NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new ConnectorAuthHandler(tokens ?? new ConnectorTokenProvider(null, time))
            {
                InnerHandler = new ConnectorPacingHandler(pacer, time) { InnerHandler = new SocketsHttpHandler() },
            },
        };
        return new ConnectorClient(new HttpClient(retryHandler) { Timeout = Timeout.InfiniteTimeSpan }, trusted);
    }

    public static ConnectorRetryOptions FastRetry() => new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        MaxTotalDelay = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };
}
