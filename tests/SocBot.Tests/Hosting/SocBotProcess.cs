using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace SocBot.Tests.Hosting;

/// <summary>
/// The built SocBot.dll run as its own process (as App Service runs it), with environment variables for settings and the
/// source folder as content root so the committed appsettings files apply. Standard output is kept line by line.
/// </summary>
public sealed class SocBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SocBotProcess(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Combine("src", "SocBot"),
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "SocBot.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", RepoPaths.Combine("src", "SocBot") })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static SocBotProcess Start(IDictionary<string, string> environment) => new(environment);

    /// <summary>Waits for a line that satisfies <paramref name="match"/>, failing with everything written so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            Assert.False(_process.HasExited, "SocBot exited early:\n" + string.Join('\n', Lines));
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail($"No matching line within {timeout}:\n" + string.Join('\n', Lines));
        return string.Empty;
    }

    /// <summary>SIGTERM, as App Service and container hosts stop an instance.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public static JsonElement Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
