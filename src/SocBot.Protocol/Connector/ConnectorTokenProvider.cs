using Azure.Core;

namespace SocBot.Protocol.Connector;

/// <summary>
/// The bot's token for the Bot Connector, cached until five minutes before it expires, with one refresh in flight at a time.
/// Null credential means authentication is off (Development): outbound calls then carry no token.
/// The credential is made on first use, so building the services (a CLI verb that never calls Teams) needs no credentials.
/// </summary>
public sealed class ConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lazy<TokenCredential?> _credential;
    private readonly TimeProvider _time;
    private AccessToken? _token;

    public ConnectorTokenProvider(TokenCredential? credential, TimeProvider time)
        : this(new Lazy<TokenCredential?>(credential), time)
    {
    }

    private ConnectorTokenProvider(Lazy<TokenCredential?> credential, TimeProvider time)
    {
        _credential = credential;
        _time = time;
    }

    /// <summary>A provider whose credential is created when a token is first needed.</summary>
    public static ConnectorTokenProvider Deferred(Func<TokenCredential?> createCredential, TimeProvider time) =>
        new(new Lazy<TokenCredential?>(createCredential), time);

    public bool IsEnabled => _credential.Value is not null;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var credential = _credential.Value;
        if (credential is null)
        {
            return null;
        }

        if (IsFresh(_token))
        {
            return _token!.Value.Token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!IsFresh(_token))
            {
                _token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            }

            return _token!.Value.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached token after the service refused it, so the next call fetches a new one.</summary>
    public void Invalidate(string rejectedToken)
    {
        if (_token?.Token == rejectedToken)
        {
            _token = null;
        }
    }

    private bool IsFresh(AccessToken? token) => token is { } t && t.ExpiresOn - RefreshMargin > _time.GetUtcNow();
}
