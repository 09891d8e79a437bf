namespace SocBot.Protocol.Connector;

/// <summary>Refuses to send the bot's token to a service URL that no authenticated activity or configuration vouched for.</summary>
public sealed class UntrustedServiceUrlException(Uri serviceUrl)
    : InvalidOperationException($"Service URL {serviceUrl} did not arrive on an authenticated activity and is not configured; not calling it.")
{
    public Uri ServiceUrl { get; } = serviceUrl;
}
