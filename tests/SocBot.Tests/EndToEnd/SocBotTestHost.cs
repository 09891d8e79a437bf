using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The real SocBot web app on Kestrel on a free loopback port, configured per test: each test owns its host, port and data.
/// </summary>
public sealed class SocBotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private SocBotTestHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SocBotTestHost> StartAsync(
        IDictionary<string, string?> configuration,
        string environment = "Development",
        Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var dataFolder = Directory.CreateTempSubdirectory("socbot-e2e-");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(dataFolder.FullName, "socbot.db"),
            ["Reminders:SchedulerEnabled"] = "false",

            // The semantic index builds in the background, so a host's answers would change mid-test once it lands; the
            // Ownership tests cover matching by meaning, and a test wanting it here sets the key back to true.
            ["Ownership:Semantic:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.ConfigureServices();
        overrideServices?.Invoke(builder.Services);
        var app = builder.Build().MapEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SocBotTestHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task<HttpResponseMessage> PostActivityAsync(string json, string? bearerToken = null, string contentType = "application/json") =>
        PostActivityAsync(Encoding.UTF8.GetBytes(json), bearerToken, contentType);

    /// <summary>Posts the bytes as they are, for bodies that are not valid UTF-8 text.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(byte[] body, string? bearerToken = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearerToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearerToken}");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Stops the host as SIGTERM would, running every hosted service's shutdown; disposing later does not stop it again.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
