using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocBot.Testing;

/// <summary>
/// Stands in for the Bot Framework channel's token service: a locally generated RSA key published as a JWKS (with
/// endorsements) behind an OpenID metadata document on a loopback server, and tokens signed with it as Teams would send.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-channel-key";

    private RSA _rsa = RSA.Create(2048);
    private string _keyId = KeyId;
    private int _rotations;
    private readonly RSA _strangerRsa = RSA.Create(2048);
    private readonly LoopbackServer _server;

    private ChannelTokenIssuer(LoopbackServer server, IReadOnlyList<string> endorsements)
    {
        _server = server;
        server.SetDefault(request => request.PathAndQuery switch
        {
            _ when MetadataDown => LoopbackResponse.Empty(503),
            "/v1/.well-known/openidconfiguration" => LoopbackResponse.Json(200, Metadata()),
            "/v1/.well-known/keys" => LoopbackResponse.Json(200, Jwks(endorsements)),
            _ => LoopbackResponse.Empty(404),
        });
    }

    public Uri MetadataUrl => new(_server.BaseUrl, "v1/.well-known/openidconfiguration");

    /// <summary>How many times the keys were fetched: the cache is working when this stays low.</summary>
    public int KeyFetches => _server.Requests.Count(r => r.PathAndQuery == "/v1/.well-known/keys");

    /// <summary>How many times the metadata document was asked for, answered or not.</summary>
    public int MetadataRequests => _server.Requests.Count(r => r.PathAndQuery == "/v1/.well-known/openidconfiguration");

    /// <summary>While true, the metadata and key endpoints answer 503, as during an outage of the channel's login host.</summary>
    public bool MetadataDown { get; set; }

    /// <summary>The next request to the metadata host gets its 503 only after <paramref name="delay"/> (a hung refresh).</summary>
    public void DelayNextRequest(TimeSpan delay) => _server.EnqueueDelay(delay, LoopbackResponse.Empty(503));

    /// <summary>The key id tokens are signed with now.</summary>
    public string CurrentKeyId => _keyId;

    /// <summary>Rolls the channel's key over: a new RSA key under a new key id replaces the old one in the JWKS.</summary>
    public void RotateKey()
    {
        var retired = _rsa;
        _rsa = RSA.Create(2048);
        retired.Dispose();
        _keyId = $"{KeyId}-{++_rotations}";
    }

    public static async Task<ChannelTokenIssuer> StartAsync(params string[] endorsements) =>
        new(await LoopbackServer.StartAsync(), endorsements.Length == 0 ? ["msteams"] : endorsements);

    public string CreateToken(string audience, string serviceUrl, TokenShape? shape = null)
    {
        shape ??= new TokenShape();
        var now = shape.IssuedAt?.UtcDateTime ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["serviceurl"] = shape.ServiceUrlClaim ?? serviceUrl };
        var key = new RsaSecurityKey(shape.SignWithUnknownKey ? _strangerRsa : _rsa) { KeyId = shape.KeyId ?? _keyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = shape.Issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = now + shape.NotBeforeOffset,
            Expires = now + shape.ExpiresOffset,
            IssuedAt = now + shape.NotBeforeOffset,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise valid claims.</summary>
    public string CreateUnsignedToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = KeyId }));
        var payload = Base64Url(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = audience, ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _rsa.Dispose();
        _strangerRsa.Dispose();
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);

    private string Metadata() => new JsonObject
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = new Uri(_server.BaseUrl, "v1/.well-known/keys").AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    private string Jwks(IReadOnlyList<string> endorsements)
    {
        var parameters = _rsa.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = _keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e!).ToArray()),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }
}
