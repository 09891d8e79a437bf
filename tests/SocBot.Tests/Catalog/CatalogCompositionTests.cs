using SocBot.Cli;

namespace SocBot.Tests.Catalog;

/// <summary>
/// The catalog verbs through the executable's real composition root (every feature's services, no configuration),
/// as `socbot catalog validate` runs on a fresh install. The other verb tests register only the catalog.
/// </summary>
public sealed class CatalogCompositionTests
{
    [Theory]
    [InlineData("catalog", "validate")]
    [InlineData("schedule", "--from", "2026-01-05", "--to", "2026-01-06")]
    public async Task RunAsync_SocBotServicesWithoutConfiguration_RunsTheCatalogVerbs(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CommandLine.RunAsync(args, SocBotServices.Add, new CliConsole(output, errors));

        Assert.True(code == ExitCodes.Ok, errors.ToString());
        Assert.NotEmpty(output.ToString());
    }
}
