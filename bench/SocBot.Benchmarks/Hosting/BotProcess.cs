using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using SocBot.Testing;

namespace SocBot.Benchmarks.Hosting;

/// <summary>
/// A bot's release build started as its own process on a free loopback port, so its memory and CPU are its own:
/// the SocBot host (Development, a fresh SQLite file, the scheduler off) or the minimal endpoint it is compared with.
/// Disposing kills it and removes its data folder.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _folder;
    private int _linesLogged;

    private BotProcess(Process process, Uri baseUrl, string? folder)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>For the occasional request (readiness, warm-up); load goes through a client of its own.</summary>
    public HttpClient Http { get; }

    public int Id => _process.Id;

    /// <summary>Lines the bot wrote to its console: a line per turn under load is a cost of its own.</summary>
    public int LinesLogged => Volatile.Read(ref _linesLogged);

    public string? LastLineLogged { get; private set; }

    public bool HasExited => _process.HasExited;

    public static string SocBotDll => RepoPaths.Combine("src", "SocBot", "bin", "Release", "net10.0", "SocBot.dll");

    public static string MinimalBotDll => RepoPaths.Combine("bench", "SocBot.MinimalBot", "bin", "Release", "net10.0", "SocBot.MinimalBot.dll");

    /// <summary>SocBot as a loopback run needs it: Development, a SQLite file of its own, no scheduler, warnings only.</summary>
    /// <summary>The settings with matching by meaning turned off: answers from the words only, and the model never loaded.</summary>
    public static Dictionary<string, string> WordsOnly(IReadOnlyDictionary<string, string>? settings = null) =>
        new(settings ?? new Dictionary<string, string>()) { ["Ownership__Semantic__Enabled"] = "false" };

    public static BotProcess StartSocBot(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("socbot-bench-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = Path.Combine(folder, "socbot.db"),
            ["Reminders__SchedulerEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return Start(SocBotDll, environment, folder);
    }

    public static BotProcess StartMinimalBot(IReadOnlyDictionary<string, string>? settings = null) =>
        Start(MinimalBotDll, settings ?? new Dictionary<string, string>(), folder: null);

    private static BotProcess Start(string dll, IReadOnlyDictionary<string, string> settings, string? folder)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build it first: dotnet build -c Release (missing {dll}).", dll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}/"), folder);
        process.OutputDataReceived += (_, line) => bot.Logged(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Logged(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    private void Logged(string? line)
    {
        if (line is not null)
        {
            Interlocked.Increment(ref _linesLogged);
            LastLineLogged = line;
        }
    }

    public async Task WaitReadyAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var ready = await Http.GetAsync("readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before it was ready.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not become ready within 30 s.");
    }

    public async Task<HttpResponseMessage> PostActivityAsync(byte[] body, string? token = null)
    {
        using var request = ActivityRequest(body, token);
        return await Http.SendAsync(request);
    }

    /// <summary>A POST to /api/messages as the channel sends it.</summary>
    public static HttpRequestMessage ActivityRequest(byte[] body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>VmRSS from /proc: the resident set the operating system charges the process.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>CPU the process has used so far, user and kernel: per answer it is a figure a busy machine disturbs less than req/s.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
