using System.Text.Json;
using SocBot.Catalog;
using SocBot.Cli;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>
/// The <c>ask</c> verb as the executable runs it: found among the registered verbs, over the default catalog. Only the
/// catalog and ownership services are added, so the test does not depend on other features' configuration.
/// </summary>
public sealed class AskCommandLineTests
{
    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCatalog(configuration);
        services.AddOwnership();
    }

    [Fact]
    public async Task RunAsync_AskWithJson_AnswersFromTheDefaultCatalog()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["ask", "who owns MCAS?", "--json"], AddServices, new CliConsole(output, error));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("", error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var owner = Assert.Single(json.RootElement.GetProperty("owners").EnumerateArray());
        Assert.Equal("engineering-secops", owner.GetProperty("teamId").GetString());
        Assert.Equal("Microsoft Defender for Cloud Apps", owner.GetProperty("matched").GetString());
    }

    [Fact]
    public async Task RunAsync_AskWithJsonExplain_GivesEachTeamsLexicalAndSemanticScoresAndTheDecidingRule()
    {
        var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(
            ["ask", "who pulls a memory image off a hacked laptop?", "--json", "--explain"], AddServices, new CliConsole(output, TextWriter.Null));

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        var explain = json.RootElement.GetProperty("explain");
        Assert.Equal(OwnershipRules.Meaning, explain.GetProperty("rule").GetString());
        var teams = explain.GetProperty("teamScores").EnumerateArray().ToList();
        Assert.Equal("Computer Security Incident Response Team (CSIRT)", teams[0].GetProperty("team").GetString());
        Assert.True(teams[0].GetProperty("semanticAgreement").GetDouble() > teams[1].GetProperty("semanticAgreement").GetDouble());
        Assert.All(teams, t => Assert.True(t.GetProperty("semanticAgreement").GetDouble() <= t.GetProperty("semanticScore").GetDouble()));
        Assert.All(teams, t => Assert.True(t.TryGetProperty("lexicalScore", out _)));
        Assert.Equal("csirt", json.RootElement.GetProperty("owners")[0].GetProperty("teamId").GetString());
    }

    [Fact]
    public async Task RunAsync_AskWithoutQuestion_ExitsWithUsage()
    {
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["ask"], AddServices, new CliConsole(TextWriter.Null, error));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("Give the question", error.ToString(), StringComparison.Ordinal);
    }
}
