using System.Text.RegularExpressions;
using SocBot.Cli;

namespace SocBot.Packaging;

/// <summary>
/// <c>socbot package --app-id &lt;guid&gt; --bot-id &lt;guid&gt; --domain &lt;host&gt; --out &lt;zip&gt; [--version 1.0.0] [--manifest-dir &lt;dir&gt;]</c>.
/// Words it cannot parse exit 2 (usage); values that parse but are not acceptable exit 1.
/// </summary>
public sealed partial class PackageVerb(TeamsAppPackager packager) : ICliVerb
{
    private const string DefaultVersion = "1.0.0";

    private static readonly string[] KnownOptions = ["--app-id", "--bot-id", "--domain", "--out", "--version", "--manifest-dir"];

    public string Name => "package";

    public string Summary => "--app-id <guid> --bot-id <guid> --domain <host> --out <zip> [--version 1.0.0] [--manifest-dir <dir>]: build the Teams app zip";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var options = ParseOptions(args);
        var problems = new List<string>();

        var appId = ParseGuid(Required(options, "--app-id"), "--app-id", problems);
        var botId = ParseGuid(Required(options, "--bot-id"), "--bot-id", problems);
        var domain = Required(options, "--domain").Trim().ToLowerInvariant();
        if (!IsHostName(domain))
        {
            problems.Add($"--domain '{domain}' is not a host name (like socbot.azurewebsites.net: no scheme, port or path).");
        }

        var version = options.GetValueOrDefault("--version", DefaultVersion);
        if (!SemVer().IsMatch(version))
        {
            problems.Add($"--version '{version}' is not major.minor.patch.");
        }

        var output = Path.GetFullPath(Required(options, "--out"));
        var manifestDirectory = options.TryGetValue("--manifest-dir", out var dir) ? Path.GetFullPath(dir) : TeamsAppPackager.FindManifestDirectory();
        if (manifestDirectory is null)
        {
            problems.Add("No manifest/ folder found above the working directory; pass --manifest-dir.");
        }
        else
        {
            problems.AddRange(TeamsAppPackager.PackageFiles
                .Where(f => !File.Exists(Path.Combine(manifestDirectory, f)))
                .Select(f => $"{Path.Combine(manifestDirectory, f)} is missing."));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            return ExitCodes.InvalidInput;
        }

        var parameters = new AppPackageParameters(appId, botId, domain, version);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await packager.WriteAsync(manifestDirectory!, parameters, file, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Text.Json.JsonException)
        {
            await console.Error.WriteLineAsync($"Could not write {output}: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        await console.Out.WriteLineAsync($"Wrote {output}: app {appId:D}, bot {botId:D}, domain {domain}, version {version}.");
        return ExitCodes.Ok;
    }

    private static Dictionary<string, string> ParseOptions(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i], null);
            if (!KnownOptions.Contains(name, StringComparer.Ordinal))
            {
                throw new CliUsageException($"Unknown argument '{args[i]}'.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliUsageException($"{name} needs a value.");
                }

                value = args[++i];
            }

            if (!options.TryAdd(name, value))
            {
                throw new CliUsageException($"{name} is given twice.");
            }
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new CliUsageException($"{name} is required.");

    private static Guid ParseGuid(string text, string option, List<string> problems)
    {
        if (Guid.TryParseExact(text.Trim(), "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        problems.Add($"{option} '{text}' is not a GUID like 00000000-0000-0000-0000-000000000000 (and not all zeros).");
        return Guid.Empty;
    }

    private static bool IsHostName(string domain) =>
        domain.Length <= 253 && domain.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(domain) == UriHostNameType.Dns;

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();
}
