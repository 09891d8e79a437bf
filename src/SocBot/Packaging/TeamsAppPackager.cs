using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocBot.Packaging;

/// <summary>
/// Builds the Teams app package: manifest.json filled from <see cref="AppPackageParameters"/> plus the two icons,
/// all at the zip's root, which is the only layout Teams accepts on upload.
/// </summary>
public sealed partial class TeamsAppPackager(TimeProvider timeProvider)
{
    public const string ManifestFileName = "manifest.json";
    public const string ColorIconFileName = "color.png";
    public const string OutlineIconFileName = "outline.png";

    public static IReadOnlyList<string> PackageFiles { get; } = [ManifestFileName, ColorIconFileName, OutlineIconFileName];

    /// <summary>Replaces the template's <c>${{NAME}}</c> placeholders; throws when one is left that we do not know.</summary>
    public static string FillManifest(string template, AppPackageParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["APP_ID"] = parameters.AppId.ToString("D"),
            ["BOT_ID"] = parameters.BotId.ToString("D"),
            ["BOT_DOMAIN"] = parameters.Domain,
            ["APP_VERSION"] = parameters.Version,
        };

        var filled = Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups["name"].Value, out var value)
                ? value
                : throw new InvalidOperationException($"The manifest template has an unknown placeholder {match.Value}."));

        // A template edited into invalid JSON must fail here, not when a SOC lead uploads the package.
        _ = JsonNode.Parse(filled);
        return filled;
    }

    /// <summary>Writes the package zip for the template and icons in <paramref name="manifestDirectory"/>.</summary>
    public async Task WriteAsync(string manifestDirectory, AppPackageParameters parameters, Stream output, CancellationToken cancellationToken)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(manifestDirectory, ManifestFileName), cancellationToken);
        var manifest = FillManifest(template, parameters);
        var written = timeProvider.GetUtcNow();

        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var manifestEntry = zip.CreateEntry(ManifestFileName, CompressionLevel.Optimal);
        manifestEntry.LastWriteTime = written;
        await using (var writer = new StreamWriter(await manifestEntry.OpenAsync(cancellationToken)))
        {
            await writer.WriteAsync(manifest.AsMemory(), cancellationToken);
        }

        foreach (var icon in new[] { ColorIconFileName, OutlineIconFileName })
        {
            var entry = zip.CreateEntry(icon, CompressionLevel.Optimal);
            entry.LastWriteTime = written;
            await using var source = File.OpenRead(Path.Combine(manifestDirectory, icon));
            await using var target = await entry.OpenAsync(cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>
    /// The repository's manifest/ folder: the command is run from a clone (or from its build output), so look upward
    /// from the working directory first, then from the executable.
    /// </summary>
    public static string? FindManifestDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "manifest");
                if (File.Exists(Path.Combine(candidate, ManifestFileName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\$\{\{(?<name>[A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}
