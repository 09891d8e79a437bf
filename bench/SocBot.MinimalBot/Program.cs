using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

// The floor SocBot's /api/messages is measured against: read the activity, check the channel's token when an app id is
// set (keys from the same OpenID metadata), post one reply to the activity's serviceUrl, answer 200. No routing, no
// answering, no pacing, no store.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddHttpClient("connector");
var app = builder.Build();

var appId = app.Configuration["MicrosoftAppId"];
var keys = string.IsNullOrEmpty(appId)
    ? null
    : new ConfigurationManager<OpenIdConnectConfiguration>(
        app.Configuration["BotAuthentication:OpenIdMetadataUrl"] ?? throw new InvalidOperationException("BotAuthentication:OpenIdMetadataUrl is required with MicrosoftAppId."),
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever { RequireHttps = false });
var tokens = new JsonWebTokenHandler { MapInboundClaims = false };
var reply = Encoding.UTF8.GetBytes("""{"type":"message","text":"The owner is **Threat Intelligence**."}""");

app.MapGet("/readyz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request, IHttpClientFactory clients, CancellationToken cancellationToken) =>
{
    if (keys is not null)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var metadata = await keys.GetConfigurationAsync(cancellationToken);
        var result = await tokens.ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = metadata.Issuer,
            ValidAudience = appId,
            IssuerSigningKeys = metadata.SigningKeys,
        });
        if (!result.IsValid)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
    }

    using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
    var serviceUrl = new Uri(activity.RootElement.GetProperty("serviceUrl").GetString()!);
    var conversationId = activity.RootElement.GetProperty("conversation").GetProperty("id").GetString()!;
    using var content = new ByteArrayContent(reply);
    content.Headers.ContentType = new("application/json");
    using var response = await clients.CreateClient("connector")
        .PostAsync(new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), content, cancellationToken);
    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
});

app.Run();
