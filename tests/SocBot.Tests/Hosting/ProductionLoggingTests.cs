using System.Net;
using System.Text;
using System.Text.Json;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Hosting;

/// <summary>
/// SocBot as a separate process in Production: every output line is one JSON object, turn logs carry the activity scope,
/// secrets, tokens and message text never appear, and SIGTERM stops it cleanly.
/// </summary>
public sealed class ProductionLoggingTests : IAsyncLifetime
{
    private const string AppId = "0d3c0f5e-5a5c-4d43-9c43-3f0c1bb0b0b1";
    private const string Password = "app-password-must-never-be-logged";
    private const string MessageText = "confidential incident text must never be logged";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socbot-logs-" + Guid.NewGuid().ToString("N"));
    private ChannelTokenIssuer _issuer = null!;
    private LoopbackServer _connector = null!;
    private SocBotProcess _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ChannelTokenIssuer.StartAsync();
        _connector = await LoopbackServer.StartAsync();
        _bot = SocBotProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Password,
            ["BotAuthentication__OpenIdMetadataUrl"] = _issuer.MetadataUrl.AbsoluteUri,
            ["Storage__SqlitePath"] = Path.Combine(_folder, "socbot.db"),
            ["SocBot__ShutdownTimeout"] = "00:00:20",
        });
        var listening = await _bot.WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var address = SocBotProcess.Parse(listening).GetProperty("State").GetProperty("address").GetString()!;
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Production_TurnsRefusalsAndShutdown_EveryLineJsonWithScopesAndNoSecrets()
    {
        var goodToken = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri);
        var forgedToken = _issuer.CreateToken(AppId, _connector.BaseUrl.AbsoluteUri, new TokenShape { SignWithUnknownKey = true });
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, MessageText);
        activity["type"] = "event";
        activity["name"] = "socbot/unhandled";
        activity["value"] = MessageText;

        using var accepted = await PostAsync(activity.ToJsonString(), goodToken);
        using var refused = await PostAsync(activity.ToJsonString(), forgedToken);
        var unmatched = await _bot.WaitForLineAsync(l => l.Contains("No handler for activity type", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await _bot.WaitForLineAsync(l => l.Contains("Refused an activity", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await _bot.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, _bot.ExitCode);
        var lines = _bot.Lines;
        var entries = lines.Select(SocBotProcess.Parse).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _) && e.TryGetProperty("Timestamp", out _)));
        Assert.Contains(entries, e => e.GetProperty("Message").GetString() == "Application is shutting down...");
        var scope = Assert.Single(SocBotProcess.Parse(unmatched).GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("ActivityId", out _));
        Assert.Equal(activity["id"]!.GetValue<string>(), scope.GetProperty("ActivityId").GetString());
        Assert.Equal("a:personal-grace", scope.GetProperty("ConversationId").GetString());
        foreach (var secret in new[] { Password, MessageText, goodToken, forgedToken, goodToken.Split('.')[2], forgedToken.Split('.')[2] })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await _http.SendAsync(request);
    }
}
