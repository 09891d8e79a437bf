using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace SocBot.Tests.Infra;

/// <summary>
/// The bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package: the test project restores it like any package,
/// and its restored folder (the NuGet cache) is stamped into this assembly, so no machine path is involved.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath
    {
        get
        {
            var packagePath = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BicepPackagePath")?.Value;
            if (string.IsNullOrEmpty(packagePath))
            {
                throw new InvalidOperationException("The test assembly carries no BicepPackagePath: restore tests/SocBot.Tests (its Azure.Bicep.CommandLine.linux-x64 reference generates it).");
            }

            var path = Path.Combine(packagePath, "tools", "bicep");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The bicep package restored to {packagePath} has no tools/bicep.", path);
        }
    }

    /// <summary>Compiles a Bicep file to an ARM template; the diagnostics are the compiler's errors and warnings.</summary>
    public static async Task<IReadOnlyList<BicepDiagnostic>> BuildAsync(string bicepFile, string outFile)
    {
        var run = await RunAsync("build", bicepFile, "--outfile", outFile, "--diagnostics-format", "sarif");
        return Diagnostics(run.StandardError, run);
    }

    /// <summary>Runs the linter (with the compiler's own checks) over a Bicep file and the modules it uses.</summary>
    public static async Task<IReadOnlyList<BicepDiagnostic>> LintAsync(string bicepFile)
    {
        var run = await RunAsync("lint", bicepFile, "--diagnostics-format", "sarif");
        return Diagnostics(run.StandardOutput, run);
    }

    private static IReadOnlyList<BicepDiagnostic> Diagnostics(string sarif, BicepRun run)
    {
        if (string.IsNullOrWhiteSpace(sarif))
        {
            return run.ExitCode == 0 ? [] : throw new InvalidOperationException($"bicep exited with {run.ExitCode} and no diagnostics: {run.StandardError}");
        }

        using var log = JsonDocument.Parse(sarif);
        var diagnostics = log.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(r => r.GetProperty("results").EnumerateArray())
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return new BicepDiagnostic(
                    r.GetProperty("ruleId").GetString()!,
                    r.GetProperty("message").GetProperty("text").GetString()!,
                    location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                    location.GetProperty("region").GetProperty("startLine").GetInt32());
            })
            .ToList();
        if (run.ExitCode != 0 && diagnostics.Count == 0)
        {
            throw new InvalidOperationException($"bicep exited with {run.ExitCode} reporting nothing.");
        }

        return diagnostics;
    }

    private static async Task<BicepRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = new CancellationTokenSource(RunTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish within {RunTimeout}.");
        }

        return new BicepRun(process.ExitCode, await output, await error);
    }

    private sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError);
}
