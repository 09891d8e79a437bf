using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Xunit;

namespace SocBot.Testing.Playground;

/// <summary>
/// Microsoft 365 Agents Playground from the repository's node_modules, pointed at a bot and driven the way its chat UI
/// drives it: messages and card clicks over its HTTP API, the bot's output read from the stream the UI listens to.
/// A missing Playground fails (never skips); the process is killed on dispose.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    public const string ConversationStreamPath = "/_ws_conversation/v1/conversations/stream";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly DirectoryInfo _workingDirectory;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<PlaygroundStreamEvent> _stream = Channel.CreateUnbounded<PlaygroundStreamEvent>();
    private readonly List<PlaygroundStreamEvent> _passedOver = [];
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stopping = new();
    private HttpClient _http = null!;
    private Task _reader = Task.CompletedTask;

    private AgentsPlayground(Process process, DirectoryInfo workingDirectory)
    {
        _process = process;
        _workingDirectory = workingDirectory;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Playground's mocked Teams world: tenant, bot, current user, personal chat, group chats, teams.</summary>
    public JsonElement Config { get; private set; }

    public string TenantId => Config.GetProperty("tenantId").GetString()!;

    public string BotId => Config.GetProperty("bot").GetProperty("id").GetString()!;

    public string PersonalChatId => Config.GetProperty("personalChat").GetProperty("id").GetString()!;

    /// <summary>The user the Playground acts as: id, name, aadObjectId.</summary>
    public JsonElement CurrentUser => Config.GetProperty("currentUser");

    /// <summary>Starts the Playground for the bot at <paramref name="botEndpoint"/> and returns once its stream is connected.</summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, CancellationToken cancellationToken = default)
    {
        var cli = NodeTools.Require(Path.Combine("@microsoft", "m365agentsplayground", "cli.js"));

        // The Playground writes a devTools folder where it runs; a folder of its own keeps that out of the repository.
        var workingDirectory = Directory.CreateTempSubdirectory("socbot-playground-");
        var start = new ProcessStartInfo(NodeTools.NodeExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory.FullName,
        };
        GiveNoOpBrowserOpener(start, workingDirectory);
        foreach (var argument in new[] { cli, "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "-p", FreePort().ToString(CultureInfo.InvariantCulture), "--dt" })
        {
            start.ArgumentList.Add(argument);
        }

        var playground = new AgentsPlayground(Process.Start(start) ?? throw new InvalidOperationException("node did not start"), workingDirectory);
        try
        {
            await playground.ConnectAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The Playground opens its UI with the desktop's opener (xdg-open on Linux) and exits when there is none, as on a
    /// headless machine; a folder with an opener that does nothing goes first on its PATH.
    /// </summary>
    private static void GiveNoOpBrowserOpener(ProcessStartInfo start, DirectoryInfo workingDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var bin = workingDirectory.CreateSubdirectory("bin");
        var opener = Path.Combine(bin.FullName, "xdg-open");
        File.WriteAllText(opener, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        start.Environment["PATH"] = bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
    }

    /// <summary>Says <paramref name="text"/> as the current user in a conversation; returns the message id.</summary>
    public async Task<string> SendTextAsync(string conversationId, string text, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = CurrentUser.GetProperty("id").GetString() },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        using var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, WireJson, cancellationToken);
        using var answer = await ReadSuccessAsync(response, cancellationToken);
        return answer.RootElement.GetProperty("messageId").GetString()!;
    }

    /// <summary>
    /// Installs the bot in a conversation as Teams does, through the Playground's "Mock an Activity" menu: its
    /// installationUpdate ("add") for that conversation, then the conversationUpdate adding the bot.
    /// </summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        foreach (var type in new[] { "install", "botAdded" })
        {
            using var template = await _http.GetAsync($"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}&type={type}", cancellationToken);
            using var activity = await ReadSuccessAsync(template, cancellationToken);
            using var content = new StringContent(activity.RootElement.GetRawText(), Encoding.UTF8, "application/json");
            using var sent = await _http.PostAsync("_internal/v1/customActivities", content, cancellationToken);
            Assert.True(sent.IsSuccessStatusCode, $"The Playground answered {(int)sent.StatusCode} to the {type} activity.");
        }
    }

    /// <summary>
    /// Clicks an Action.Execute button on the message <paramref name="replyToId"/> as the current user; returns the bot's
    /// invoke answer as the Playground relays it.
    /// </summary>
    public async Task<JsonElement> ClickAsync(string conversationId, string replyToId, string verb, JsonElement data, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = CurrentUser.GetProperty("id").GetString() },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = JsonNode.Parse(data.GetRawText()) },
                ["trigger"] = "manual",
            },
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body, WireJson, cancellationToken);
        using var answer = await ReadSuccessAsync(response, cancellationToken);
        return answer.RootElement.Clone();
    }

    /// <summary>
    /// Waits (at most 30 s) for the next stream event that matches, passing over the ones that do not; a timeout fails
    /// the test listing everything passed over.
    /// </summary>
    public async Task<PlaygroundStreamEvent> WaitForAsync(Func<PlaygroundStreamEvent, bool> match, string description, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WaitTimeout);
        try
        {
            await foreach (var streamEvent in _stream.Reader.ReadAllAsync(timeout.Token))
            {
                if (match(streamEvent))
                {
                    return streamEvent;
                }

                _passedOver.Add(streamEvent);
            }

            await _reader;
            Assert.Fail($"The Playground's stream closed before {description}. {PassedOverSummary()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"No {description} on the Playground's stream within {WaitTimeout.TotalSeconds:0} s. {PassedOverSummary()}");
        }

        throw new UnreachableException();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _http?.Dispose();
        _process.Dispose();
        _stopping.Dispose();
        try
        {
            _workingDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test's result matters more.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _listening.TrySetCanceled();

        int port;
        try
        {
            port = await _listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The Agents Playground did not listen within {StartTimeout.TotalSeconds:0} s. Output: {OutputSoFar()}");
            throw;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The Agents Playground exited with code {_process.ExitCode} before listening. Output: {OutputSoFar()}");
            throw;
        }

        // The Playground gives the bot http://localhost:<port>/_connector as its serviceUrl, so the test talks to the same host.
        BaseUrl = new Uri($"http://localhost:{port}/");
        _http = new HttpClient { BaseAddress = BaseUrl };
        using (var configResponse = await _http.GetAsync("_internal/v1/config", cancellationToken))
        using (var config = await ReadSuccessAsync(configResponse, cancellationToken))
        {
            Config = config.RootElement.GetProperty("config").Clone();
        }

        await _socket.ConnectAsync(new Uri($"ws://localhost:{port}{ConversationStreamPath}"), cancellationToken);
        _reader = ReadStreamAsync(_stopping.Token);
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Listening = "Listening on ";
        if (line.StartsWith(Listening, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(Listening.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            _listening.TrySetResult(port);
        }
    }

    private async Task ReadStreamAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(message.GetMemory(16 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                _stream.Writer.TryWrite(Parse(message.WrittenMemory));
                message.ResetWrittenCount();
            }

            _stream.Writer.TryComplete();
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            _stream.Writer.TryComplete(cancellationToken.IsCancellationRequested ? null : exception);
        }
    }

    private static PlaygroundStreamEvent Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        return new PlaygroundStreamEvent(
            root.GetProperty("action").GetString()!,
            root.TryGetProperty("actionConversationId", out var conversation) ? conversation.GetString() : null,
            root.TryGetProperty("message", out var message) ? message.Clone() : default);
    }

    private static async Task<JsonDocument> ReadSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"The Playground answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body);
    }

    private string PassedOverSummary() =>
        _passedOver.Count == 0
            ? "Nothing else arrived."
            : "Arrived instead: " + string.Join("; ", _passedOver.Select(e => $"{e.Action} {e.MessageId} \"{e.Text ?? FallbackTextOf(e.Card)}\""));

    private static string? FallbackTextOf(JsonElement? card) =>
        card is { } content && content.TryGetProperty("fallbackText", out var text) ? text.GetString() : null;

    private string OutputSoFar()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
