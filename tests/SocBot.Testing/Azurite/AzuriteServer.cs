using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SocBot.Storage.AzureTables;
using Xunit;

namespace SocBot.Testing.Azurite;

/// <summary>
/// A real Azurite table service from the repository's node_modules on a free loopback port, for tests and benchmarks alike.
/// A missing Azurite fails (never skips). In memory by default; with a location folder the data survives a stop and a
/// restart on the same port, which is what the fault tests need.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const int SigInt = 2;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly string? _location;
    private Process? _process;

    private AzuriteServer(int port, string? location)
    {
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/{TableConnectionString.DevelopmentAccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnectionString.DevelopmentAccountName};AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint={Endpoint}";

    /// <summary>Starts Azurite and returns once it accepts connections.</summary>
    /// <param name="location">A folder to keep the data in; null keeps it in memory.</param>
    public static async Task<AzuriteServer> StartAsync(string? location = null, CancellationToken cancellationToken = default)
    {
        var azurite = new AzuriteServer(FreePort(), location);
        try
        {
            await azurite.RestartAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts Azurite again on the same port (and folder) after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(NodeTools.NodeExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _location ?? Path.GetTempPath(),
        };
        foreach (var argument in new[] { NodeTools.Require(Path.Combine(".bin", "azurite-table")), "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");

        // Read and drop Azurite's output so a full pipe never blocks it.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync(_process, cancellationToken);
    }

    /// <summary>Stops as Ctrl+C would: Azurite saves its database on SIGINT, as it does on a normal shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigInt);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    Assert.Fail($"Azurite exited with code {process.ExitCode} before answering on port {Port}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port, waiting.Token);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), waiting.Token);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Azurite did not answer on port {Port} within {StartTimeout.TotalSeconds:0} s.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
