using SocBot.Catalog;
using SocBot.Cli;

namespace SocBot.Tests.Catalog;

public sealed class CatalogVerbTests
{
    [Fact]
    public async Task Validate_NoFileAndNothingConfigured_ValidatesTheBuiltInCatalog()
    {
        var (code, output, errors) = await RunAsync("catalog", "validate");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("default-catalog.yaml (built in): valid (5 teams, 8 tasks, 18 synonyms)", output.Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Validate_BrokenFile_ListsEveryErrorOnStandardErrorAndExitsOne()
    {
        var text = CatalogLoader.ReadDefaultText()
            .Replace("cadence: Daily", "cadence: Hourly", StringComparison.Ordinal)
            .Replace("timeZone: Etc/UTC", "timeZone: Moon/Base", StringComparison.Ordinal);
        using var file = new TempCatalogFile(text);

        var (code, output, errors) = await RunAsync("catalog", "validate", file.Path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("3 error(s)", lines[^1]);
        Assert.Equal(3, lines.Count(l => l.StartsWith(file.Path + ":", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains(": settings.timeZone: 'Moon/Base' is not an IANA time zone", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("unknown cadence 'Hourly'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsOne()
    {
        var (code, _, errors) = await RunAsync("catalog", "validate", "/nonexistent/catalog.yaml");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("/nonexistent/catalog.yaml: no such file", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ConfiguredCatalogPathMissing_ExitsOneNamingTheKey()
    {
        var (code, _, errors) = await RunAsync("catalog", "validate", "--SocBot:CatalogPath=/nonexistent/catalog.yaml");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("SocBot:CatalogPath", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ConfiguredCatalog_ListsItsTeamsAndTasks()
    {
        var text = CatalogLoader.ReadDefaultText().Replace("displayName: Monitoring", "displayName: SOC Monitoring Desk", StringComparison.Ordinal);
        using var file = new TempCatalogFile(text);

        var (code, output, errors) = await RunAsync("catalog", "show", $"--SocBot:CatalogPath={file.Path}");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(errors);
        Assert.Contains(output.Split('\n'), l => l.Trim().StartsWith("monitoring", StringComparison.Ordinal) && l.Contains("SOC Monitoring Desk", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.Trim() == "generate-secure-score-report");
        Assert.Contains("Time zone Etc/UTC", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SeedFiles_WritesTheDefaultCatalogAndListsNormalizations()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"socbot-import-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, output, errors) = await RunAsync("catalog", "import", "--tasks", SeedFiles.TasksPath, "--roles", SeedFiles.RolesPath, "--out", outPath);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Empty(errors);
            Assert.Equal(CatalogLoader.ReadDefaultText(), await File.ReadAllTextAsync(outPath));
            Assert.Contains($"{SeedFiles.TasksPath}:43: cadence 'Weekly SOC': dropped stray text 'SOC'", output, StringComparison.Ordinal);
            Assert.Contains($"wrote {outPath}: 5 teams, 8 tasks", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Fact]
    public async Task Import_OutInAMissingFolder_ExitsOne()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"socbot-missing-{Guid.NewGuid():N}", "catalog.yaml");

        var (code, output, errors) = await RunAsync("catalog", "import", "--tasks", SeedFiles.TasksPath, "--roles", SeedFiles.RolesPath, "--out", outPath);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.StartsWith($"{outPath}: cannot write:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingOut_IsAUsageError()
    {
        var (code, _, errors) = await RunAsync("catalog", "import", "--tasks", SeedFiles.TasksPath, "--roles", SeedFiles.RolesPath);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Option '--out' is required.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PageWithUnknownTeam_ExitsOneWithTheLine()
    {
        using var tasks = new TempCatalogFile("| Activity | Description | Cadence | Team assigned |\n|---|---|---|---|\n| Check | It. | Daily | Red Team |\n");
        var outPath = Path.Combine(Path.GetTempPath(), $"socbot-import-{Guid.NewGuid():N}.yaml");

        var (code, _, errors) = await RunAsync("catalog", "import", "--tasks", tasks.Path, "--roles", SeedFiles.RolesPath, "--out", outPath);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{tasks.Path}:3:1: Team assigned: 'Red Team' is not a team", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("catalog", "publish")]
    [InlineData("catalog", "validate", "a.yaml", "b.yaml")]
    [InlineData("catalog", "show", "--verbose", "yes")]
    public async Task Run_WordsItDoesNotUnderstand_IsAUsageError(params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("usage: socbot catalog", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(args, (services, configuration) => services.AddCatalog(configuration), new CliConsole(output, errors));
        return (code, output.ToString(), errors.ToString());
    }
}
