using System.IO.Compression;
using System.Text.Json.Nodes;
using SocBot.Cli;
using SocBot.Packaging;
using SocBot.Testing;

namespace SocBot.Tests.Packaging;

public sealed class PackageVerbTests : IDisposable
{
    private readonly string _outDir = Directory.CreateTempSubdirectory("socbot-package-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Directory.Delete(_outDir, recursive: true);
        _out.Dispose();
        _error.Dispose();
    }

    private string Zip => Path.Combine(_outDir, "nested", "socbot.zip");

    private string[] ValidArgs() =>
    [
        "--app-id", PackagingFixture.AppId.ToString(),
        "--bot-id", PackagingFixture.BotId.ToString(),
        "--domain", PackagingFixture.Domain,
        "--out", Zip,
        "--manifest-dir", PackagingFixture.ManifestDirectory,
    ];

    private Task<int> RunAsync(params string[] args) =>
        CommandLine.RunAsync(["package", .. args], (services, _) => services.AddSingleton<TimeProvider>(_time).AddPackaging(), new CliConsole(_out, _error));

    [Fact]
    public async Task Run_ValidParameters_WritesTheThreeFilesAtTheZipRoot()
    {
        var exit = await RunAsync(ValidArgs());

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(_error.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.All(zip.Entries, e => Assert.Equal(_time.GetUtcNow().DateTime, e.LastWriteTime.UtcDateTime));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var stream = zip.GetEntry(icon)!.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(PackagingFixture.ManifestDirectory, icon)), copy.ToArray());
        }
    }

    [Fact]
    public async Task Run_ValidParameters_ManifestInTheZipValidatesAndCarriesTheIds()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync([.. ValidArgs(), "--version", "2.0.1"]));

        using var zip = ZipFile.OpenRead(Zip);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(PackagingFixture.AppId.ToString(), (string?)manifest["id"]);
        Assert.Equal(PackagingFixture.BotId.ToString(), (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(PackagingFixture.Domain, (string?)manifest["validDomains"]![0]);
        Assert.Equal("2.0.1", (string?)manifest["version"]);
        var result = await ManifestSchema.ValidateAsync(text);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
    }

    [Fact]
    public async Task Run_NoManifestDir_FindsTheRepositoryManifest()
    {
        var args = ValidArgs()[..^2];

        Assert.Equal(ExitCodes.Ok, await RunAsync(args));
        Assert.True(File.Exists(Zip));
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--bot-id", "{8a0b6c2d-1e3f-4a5b-8c7d-9e0f1a2b3c4d}")]
    [InlineData("--domain", "https://socbot.example.com/")]
    [InlineData("--domain", "socbot.example.com:443")]
    [InlineData("--domain", "localhost")]
    [InlineData("--version", "1.0")]
    [InlineData("--manifest-dir", "/nonexistent/manifest")]
    public async Task Run_BadValue_ExitsOneNamingTheOptionAndWritesNothing(string option, string value)
    {
        var args = ValidArgs();
        var index = Array.IndexOf(args, option);
        if (index < 0)
        {
            args = [.. args, option, value];
        }
        else
        {
            args[index + 1] = value;
        }

        var exit = await RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(option == "--manifest-dir" ? "missing" : option, _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("--bot-id")]
    [InlineData("--out")]
    public async Task Run_MissingRequiredOption_ExitsTwo(string option)
    {
        var args = ValidArgs().ToList();
        var index = args.IndexOf(option);
        args.RemoveRange(index, 2);

        var exit = await RunAsync([.. args]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{option} is required", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwo()
    {
        var exit = await RunAsync([.. ValidArgs(), "--colour", "blue"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--colour", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OptionWithoutValue_ExitsTwo()
    {
        var exit = await RunAsync([.. ValidArgs(), "--version"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--version needs a value", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EqualsForm_IsAccepted()
    {
        var exit = await RunAsync(
            $"--app-id={PackagingFixture.AppId}", $"--bot-id={PackagingFixture.BotId}", $"--domain={PackagingFixture.Domain}", $"--out={Zip}");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(Zip));
    }
}
