using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Service URLs the connector may call: learned from authenticated activities, stored references of them, or configuration.
/// Security rests here and on the serviceurl claim, since anyone can put any URL in an activity body.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public TrustedServiceUrls(IOptions<BotAuthenticationOptions> options)
    {
        foreach (var url in options.Value.TrustedServiceUrls)
        {
            Trust(url);
        }
    }

    public void Trust(Uri serviceUrl) => _urls.TryAdd(Normalize(serviceUrl), 0);

    public bool IsTrusted(Uri serviceUrl) => _urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
