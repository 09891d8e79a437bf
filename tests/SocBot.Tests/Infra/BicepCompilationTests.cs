namespace SocBot.Tests.Infra;

/// <summary>infra/ compiles and lints clean with the real bicep compiler: any error or warning fails.</summary>
public sealed class BicepCompilationTests
{
    [Fact]
    public async Task Build_MainBicep_ReportsNothingAndWritesTheTemplate()
    {
        var compiled = await InfraFiles.CompiledMain;

        Assert.Empty(compiled.Diagnostics);
        Assert.NotNull(compiled.Template);
    }

    [Fact]
    public async Task Lint_MainBicep_ReportsNothing()
    {
        var diagnostics = await BicepCli.LintAsync(InfraFiles.MainPath);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Lint_UnusedParameterAndMissingProperties_Reported()
    {
        var file = WriteBicep("""
            param unused string
            resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'stsocbotlint'
            }
            """);

        var diagnostics = await BicepCli.LintAsync(file);

        Assert.Equal(["BCP035", "no-unused-params"], diagnostics.Select(d => d.RuleId).Order());
        Assert.All(diagnostics, d => Assert.EndsWith("main.bicep", d.File, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_SyntaxError_ReportedWithItsLineAndNoTemplate()
    {
        var file = WriteBicep("""
            param name string

            var broken = concat(name
            """);
        var outFile = Path.ChangeExtension(file, ".json");

        var diagnostics = await BicepCli.BuildAsync(file, outFile);

        Assert.Contains(diagnostics, d => d.RuleId.StartsWith("BCP", StringComparison.Ordinal) && d.Line == 3);
        Assert.False(File.Exists(outFile));
    }

    private static string WriteBicep(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("socbot-bicep-test-").FullName, "main.bicep");
        File.WriteAllText(path, text);
        return path;
    }
}
