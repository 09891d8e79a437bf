using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SocBot.Protocol.Authentication;

/// <summary>
/// Channel signing keys from the OpenID metadata document and its JWKS, cached. A token naming a key id we do not
/// know triggers a refresh, rate-limited, because keys roll over between the daily refreshes.
/// Endorsements are read from the raw JWKS since the standard key model drops unknown members.
/// </summary>
public sealed partial class OpenIdSigningKeyProvider(
    HttpClient http,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<OpenIdSigningKeyProvider> logger)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyDictionary<string, SigningKey> _keys = new Dictionary<string, SigningKey>();
    private DateTimeOffset? _fetchedAt;
    private DateTimeOffset? _lastUnknownKeyRefresh;

    public async Task<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (_fetchedAt is null || now - _fetchedAt >= settings.KeyRefreshInterval)
        {
            await RefreshAsync(force: false, cancellationToken);
        }

        if (_keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        if (_lastUnknownKeyRefresh is { } last && now - last < settings.UnknownKeyRefreshInterval)
        {
            return null;
        }

        _lastUnknownKeyRefresh = now;
        await RefreshAsync(force: true, cancellationToken);
        return _keys.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            if (!force && _fetchedAt is { } fetched && time.GetUtcNow() - fetched < settings.KeyRefreshInterval)
            {
                return;
            }

            var metadataUrl = settings.OpenIdMetadataUrl;
            using var metadata = await GetJsonAsync(metadataUrl, cancellationToken);
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || !Uri.TryCreate(jwksUri.GetString(), UriKind.Absolute, out var keysUrl))
            {
                throw new InvalidOperationException($"OpenID metadata at {metadataUrl} has no jwks_uri.");
            }

            using var jwks = await GetJsonAsync(keysUrl, cancellationToken);
            _keys = ParseKeys(jwks.RootElement);
            _fetchedAt = time.GetUtcNow();
            Log.KeysRefreshed(logger, _keys.Count, keysUrl);
        }
        finally
        {
            _refresh.Release();
        }
    }

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
    }
}
