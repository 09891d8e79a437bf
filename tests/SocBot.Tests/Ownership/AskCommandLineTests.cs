using System.Text.Json;
using SocBot.Cli;

namespace SocBot.Tests.Ownership;

/// <summary>The <c>ask</c> verb as the executable runs it: registered with the host's services, over the default catalog.</summary>
public sealed class AskCommandLineTests
{
    [Fact]
    public async Task RunAsync_AskWithJson_AnswersFromTheDefaultCatalog()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["ask", "who owns MCAS?", "--json"], SocBotServices.Add, new CliConsole(output, error));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("", error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var owner = Assert.Single(json.RootElement.GetProperty("owners").EnumerateArray());
        Assert.Equal("engineering-secops", owner.GetProperty("teamId").GetString());
        Assert.Equal("Microsoft Defender for Cloud Apps", owner.GetProperty("matched").GetString());
    }

    [Fact]
    public async Task RunAsync_AskWithoutQuestion_ExitsWithUsage()
    {
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["ask"], SocBotServices.Add, new CliConsole(TextWriter.Null, error));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("Give the question", error.ToString(), StringComparison.Ordinal);
    }
}
