using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SocBot.Testing;
using SocBot.Testing.Fuzzing;

namespace SocBot.Benchmarks.Reliability;

/// <summary>
/// The fuzz probe against the bot as its own process, so its memory can be read honestly: the release build on loopback
/// (Development, a fresh SQLite file, a loopback Teams stand-in answering every call), warmed with ordinary messages,
/// then the seeded fuzz. Prints the 5xx count and the process's resident set before and after. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- fuzz-rss [cases]</c>.
/// </summary>
public static class FuzzFootprint
{
    private const int WarmUpMessages = 500;
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static async Task<int> RunAsync(int cases)
    {
        await using var teams = await LoopbackServer.StartAsync();
        teams.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"1"}"""));
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("socbot-fuzz-rss-").FullName;
        var start = new ProcessStartInfo("dotnet", [RepoPaths.Combine("src", "SocBot", "bin", "Release", "net10.0", "SocBot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Storage__SqlitePath"] = Path.Combine(folder, "socbot.db"),
                ["Reminders__SchedulerEnabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var bot = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        bot.OutputDataReceived += (_, _) => { };
        bot.ErrorDataReceived += (_, _) => { };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitReadyAsync(http);
            for (var i = 0; i < WarmUpMessages; i++)
            {
                using var warm = await PostAsync(http, Encoding.UTF8.GetBytes(Message(teams.BaseUrl, i)));
            }

            var before = ResidentMiB(bot);
            var fuzzer = new ActivityFuzzer(seed: 14, teams.BaseUrl);
            var serverErrors = 0;
            for (var i = 0; i < cases; i++)
            {
                using var response = await PostAsync(http, fuzzer.Next().Body);
                serverErrors += (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented ? 1 : 0;
            }

            using var stillServing = await PostAsync(http, Encoding.UTF8.GetBytes(Message(teams.BaseUrl, -1)));
            var after = ResidentMiB(bot);
            Console.WriteLine($"fuzz {cases} cases (seed 14): {serverErrors} answered 5xx; bot alive: {!bot.HasExited}, still answers: {(int)stillServing.StatusCode}");
            Console.WriteLine($"RSS after {WarmUpMessages} warm-up messages: {before:F1} MiB; after the fuzz: {after:F1} MiB; ratio {after / before:F3}");
            return serverErrors == 0 && !bot.HasExited ? 0 : 1;
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Message(Uri serviceUrl, int n) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = $"m{n}",
        ["text"] = "who owns threat intel feed management?",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:user{n}", ["aadObjectId"] = $"00000000-0000-0000-0000-{Math.Abs(n):D12}" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = $"a:chat{n}", ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    }.ToJsonString();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return await http.PostAsync("/api/messages", content);
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not become ready within 30 s.");
    }

    /// <summary>VmRSS from /proc: the resident set the operating system charges the process.</summary>
    private static double ResidentMiB(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
