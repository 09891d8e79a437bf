using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SocBot.Storage.AzureTables;
using SocBot.Testing;

namespace SocBot.Tests.State;

/// <summary>
/// An in-memory Azurite table service on a free loopback port for the SOC store tests, killed at the end.
/// A missing Azurite fails the tests (never skips).
/// </summary>
public sealed class AzuriteTableService : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnectionString.DevelopmentAccountName};AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{Port}/{TableConnectionString.DevelopmentAccountName}";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo(NodeTools.NodeExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { NodeTools.Require(Path.Combine(".bin", "azurite-table")), "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(_process.HasExited, $"Azurite exited before answering on port {Port}.");
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

    public async Task DisposeAsync()
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
}
