using System.Diagnostics;
using Xunit;

namespace SocBot.Testing;

/// <summary>
/// The Node tools the tests use come from the repository's package.json, which the README's test command installs.
/// A missing tool fails the test with the command that fixes it: xunit 2 cannot skip at run time, and a silent pass would lie.
/// </summary>
public static class NodeTools
{
    public static string NodeModules => RepoPaths.Combine("node_modules");

    /// <summary>Returns the path of a file inside node_modules, failing the test when it is missing.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(NodeModules, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        Assert.Fail($"Node tool missing: {path}. Run 'npm ci' in the repository root (the README's test command does).");
        return path;
    }

    public static string NodeExecutable()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("node is not on PATH; install Node.js 20 or later.");
        return "node";
    }

    /// <summary>Runs a Node script with stdin, returning exit code, stdout and stderr.</summary>
    public static async Task<NodeResult> RunScriptAsync(string scriptPath, IEnumerable<string> args, string? stdin = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(NodeExecutable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(scriptPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return new NodeResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record NodeResult(int ExitCode, string Stdout, string Stderr);
