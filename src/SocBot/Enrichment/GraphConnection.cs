using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace SocBot.Enrichment;

/// <summary>Graph clients signed in with the "Graph" credential, for every read SocBot makes there.</summary>
internal sealed class GraphConnection : IDisposable
{
    public const string HttpClientName = "SocBot.Graph";

    public const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly GraphOptions _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly AzureIdentityAccessTokenProvider _tokens;
    private readonly BaseBearerTokenAuthenticationProvider _authentication;

    public GraphConnection(IOptions<GraphOptions> options, [FromKeyedServices(GraphOptions.SectionName)] TokenCredential credential, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        _httpClients = httpClients;
        // Only the configured Graph host gets the token: a nextLink pointing elsewhere is fetched without it.
        _tokens = new AzureIdentityAccessTokenProvider(credential, [_options.BaseUrl.Host], null, false, GraphScope);
        _authentication = new BaseBearerTokenAuthenticationProvider(_tokens);
    }

    public GraphServiceClient CreateClient() =>
        new(_httpClients.CreateClient(HttpClientName), _authentication, _options.BaseUrl.ToString().TrimEnd('/'));

    public void Dispose() => _tokens.Dispose();
}
