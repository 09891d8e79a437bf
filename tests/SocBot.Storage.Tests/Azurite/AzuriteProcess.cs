using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SocBot.Storage.AzureTables;
using SocBot.Testing;

namespace SocBot.Storage.Tests.Azurite;

/// <summary>
/// A real Azurite table service from the repository's node_modules on a free loopback port. A missing Azurite fails the
/// test (never skips). With a location folder the data survives a stop and a restart on the same port.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const int SigInt = 2;

    private readonly string? _location;
    private Process? _process;

    private AzuriteProcess(int port, string? location)
    {
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/{TableConnectionString.DevelopmentAccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnectionString.DevelopmentAccountName};AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint={Endpoint}";

    public static async Task<AzuriteProcess> StartAsync(string? location = null)
    {
        var azurite = new AzuriteProcess(FreePort(), location);
        await azurite.RestartAsync();
        return azurite;
    }

    public async Task RestartAsync()
    {
        var script = NodeTools.Require(Path.Combine(".bin", "azurite-table"));
        var start = new ProcessStartInfo(NodeTools.NodeExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _location ?? Path.GetTempPath(),
        };
        foreach (var arg in new[] { script, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(arg);
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

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"Azurite exited with code {_process.ExitCode} before answering on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"Azurite did not answer on port {Port} within 30 s.");
    }

    /// <summary>Stops as Ctrl+C would: Azurite saves its database on SIGINT, as it does on a normal shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigInt);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
