using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SocBot.Protocol.Authentication;

/// <summary>
/// Channel signing keys from the OpenID metadata document and its JWKS, cached. A token naming a key id we do not
/// know triggers a refresh, rate-limited, because keys roll over between the daily refreshes.
/// A failed refresh keeps the last keys that loaded (the channel's keys outlive an outage of the metadata host) and is
/// tried again with a doubling backoff. Only the request that starts a refresh waits for it, and no longer than
/// KeyRefreshTimeout; the others go on with the cached keys.
/// Endorsements are read from the raw JWKS since the standard key model drops unknown members.
/// </summary>
public sealed partial class OpenIdSigningKeyProvider(
    HttpClient http,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<OpenIdSigningKeyProvider> logger)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lock _unknownKeyGate = new();
    private volatile IReadOnlyDictionary<string, SigningKey>? _keys;
    private int _loads;
    private DateTimeOffset _nextRefreshAt = DateTimeOffset.MinValue;
    private TimeSpan _backoff = TimeSpan.Zero;
    private DateTimeOffset? _lastUnknownKeyRefresh;

    public async Task<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (_keys is null || now >= _nextRefreshAt)
        {
            // With nothing cached everyone must wait for the first load; afterwards a caller that finds a refresh
            // under way goes on with the keys it has.
            await RefreshAsync(waitForRunning: _keys is null, loadsSeen: null, cancellationToken);
        }

        var loadsSeen = Volatile.Read(ref _loads);
        if (_keys?.TryGetValue(keyId, out var key) == true)
        {
            return key;
        }

        lock (_unknownKeyGate)
        {
            if (_lastUnknownKeyRefresh is { } last && now - last < settings.UnknownKeyRefreshInterval)
            {
                return null;
            }

            _lastUnknownKeyRefresh = now;
        }

        await RefreshAsync(waitForRunning: true, loadsSeen, cancellationToken);
        return _keys?.GetValueOrDefault(keyId);
    }

    /// <param name="loadsSeen">For a refresh forced by an unknown key: how many loads the caller had seen; skipped if another load landed since.</param>
    private async Task RefreshAsync(bool waitForRunning, int? loadsSeen, CancellationToken cancellationToken)
    {
        if (waitForRunning)
        {
            await _refresh.WaitAsync(cancellationToken);
        }
        else if (!await _refresh.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            var settings = options.Value;
            var now = time.GetUtcNow();
            var due = loadsSeen is { } seen ? _loads == seen : now >= _nextRefreshAt;
            if (!due)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(settings.KeyRefreshTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var (keys, keysUrl) = await FetchAsync(settings.OpenIdMetadataUrl, linked.Token);
                _keys = keys;
                Interlocked.Increment(ref _loads);
                _nextRefreshAt = time.GetUtcNow() + settings.KeyRefreshInterval;
                _backoff = TimeSpan.Zero;
                Log.KeysRefreshed(logger, keys.Count, keysUrl);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && e is HttpRequestException or OperationCanceledException or JsonException or InvalidDataException)
            {
                _backoff = _backoff == TimeSpan.Zero ? settings.KeyRefreshRetryMin : Min(_backoff * 2, settings.KeyRefreshRetryMax);
                _nextRefreshAt = time.GetUtcNow() + _backoff;
                Log.RefreshFailed(logger, e, settings.OpenIdMetadataUrl, _keys?.Count ?? 0, _backoff);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<(Dictionary<string, SigningKey> Keys, Uri KeysUrl)> FetchAsync(Uri metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(metadataUrl, cancellationToken);
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || !Uri.TryCreate(jwksUri.GetString(), UriKind.Absolute, out var keysUrl))
        {
            throw new InvalidDataException($"OpenID metadata at {metadataUrl} has no jwks_uri.");
        }

        using var jwks = await GetJsonAsync(keysUrl, cancellationToken);
        return (ParseKeys(jwks.RootElement), keysUrl);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, SigningKey> ParseKeys(JsonElement jwks)
    {
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var element in array.EnumerateArray())
        {
            var jwk = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(jwk.Kid))
            {
                continue;
            }

            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            keys[jwk.Kid] = new SigningKey(jwk.Kid, jwk, endorsements);
        }

        return keys;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} channel signing keys from {KeysUrl}")]
        public static partial void KeysRefreshed(ILogger logger, int count, Uri keysUrl);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing channel signing keys from {MetadataUrl} failed; keeping the {Cached} cached keys and trying again in {RetryIn}")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, Uri metadataUrl, int cached, TimeSpan retryIn);
    }
}
