using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace SocBot.Testing.Playground;

/// <summary>
/// The Playground's chat page open in headless Chromium for the whole replay, as a person would keep it open, and
/// photographed over the DevTools protocol after each step. Only when SOCBOT_PLAYGROUND_SCREENSHOTS names a folder
/// (docs/images when remaking the README's pictures); opening the page installs the bot as the Playground's UI does.
/// </summary>
public sealed partial class PlaygroundScreenshots : IAsyncDisposable
{
    public const string FolderVariable = "SOCBOT_PLAYGROUND_SCREENSHOTS";

    private readonly Process _chromium;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _page = new();
    private readonly string _folder;
    private int _nextId;

    private PlaygroundScreenshots(Process chromium, DirectoryInfo profile, string folder)
    {
        _chromium = chromium;
        _profile = profile;
        _folder = folder;
    }

    public static string? Folder => Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : null;

    /// <summary>Opens the Playground's page when screenshots were asked for; null otherwise.</summary>
    private static async Task<PlaygroundScreenshots?> OpenAsync(AgentsPlayground playground, int height, CancellationToken cancellationToken = default)
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        var profile = Directory.CreateTempSubdirectory("socbot-chromium-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("CHROMIUM") ?? "chromium") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", $"--window-size=1280,{height}", "--remote-debugging-port=0",
            playground.BaseUrl.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var chromium = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var screenshots = new PlaygroundScreenshots(chromium, profile, folder);
        try
        {
            await screenshots.ConnectAsync(playground, cancellationToken);
            return screenshots;
        }
        catch
        {
            await screenshots.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Installs the bot in the personal chat the way a person does, by opening the Playground's page, when screenshots
    /// were asked for; otherwise installs it through the Playground's API and returns null.
    /// </summary>
    public static async Task<PlaygroundScreenshots?> OpenOrInstallAsync(AgentsPlayground playground, int height, CancellationToken cancellationToken = default)
    {
        var screenshots = await OpenAsync(playground, height, cancellationToken);
        if (screenshots is null)
        {
            await playground.InstallAsync(playground.PersonalChatId, cancellationToken);
        }

        return screenshots;
    }

    /// <summary>Waits a moment for the page to draw what just arrived, then saves it as <paramref name="name"/>.</summary>
    public async Task TakeAsync(string name, CancellationToken cancellationToken = default)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        using var answer = await CallAsync("Page.captureScreenshot", """{"format":"png"}""", cancellationToken);
        var png = Convert.FromBase64String(answer.RootElement.GetProperty("result").GetProperty("data").GetString()!);
        await File.WriteAllBytesAsync(Path.Combine(_folder, name), png, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        if (!_chromium.HasExited)
        {
            _chromium.Kill(entireProcessTree: true);
            await _chromium.WaitForExitAsync();
        }

        _chromium.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; a temp folder left behind is harmless.
        }
    }

    private async Task ConnectAsync(AgentsPlayground playground, CancellationToken cancellationToken)
    {
        // Chromium prints "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" once it listens.
        int? port = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (port is null && await _chromium.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(port is not null, "chromium did not open its DevTools port");
        _ = _chromium.StandardError.ReadToEndAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        JsonElement target = default;
        while (!timeout.IsCancellationRequested)
        {
            var targets = await http.GetFromJsonAsync<JsonElement>("json/list", timeout.Token);
            target = targets.EnumerateArray().FirstOrDefault(t => t.GetProperty("type").GetString() == "page" && t.GetProperty("url").GetString()!.StartsWith(playground.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
            if (target.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(200, timeout.Token);
        }

        await _page.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), timeout.Token);
    }

    private async Task<JsonDocument> CallAsync(string method, string parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var request = Encoding.UTF8.GetBytes($$"""{"id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        await _page.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await _page.ReceiveAsync(message.GetMemory(64 * 1024), cancellationToken);
            message.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var document = JsonDocument.Parse(message.WrittenMemory);
            if (document.RootElement.TryGetProperty("id", out var answered) && answered.GetInt32() == id)
            {
                return document;
            }

            document.Dispose();
            message.ResetWrittenCount();
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}
