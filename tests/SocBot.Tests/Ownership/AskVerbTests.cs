using System.Text.Json;
using SocBot.Cli;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class AskVerbTests
{
    [Fact]
    public async Task RunAsync_Json_WritesTheIssuesShape()
    {
        var (exitCode, output) = await RunAsync("who handles threat intel feeds?", "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("who handles threat intel feeds?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("confident").GetBoolean());
        var owner = Assert.Single(root.GetProperty("owners").EnumerateArray());
        Assert.Equal("Threat Intelligence & Analytics", owner.GetProperty("team").GetString());
        Assert.Equal("Threat intel feed management", owner.GetProperty("matched").GetString());
        Assert.True(owner.GetProperty("score").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestions").ValueKind);
        Assert.False(root.TryGetProperty("explain", out _));
    }

    [Fact]
    public async Task RunAsync_JsonAmbiguous_IsNotConfidentAndNamesEveryOwner()
    {
        var (_, output) = await RunAsync("who handles MDE?", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Ambiguous", root.GetProperty("kind").GetString());
        Assert.False(root.GetProperty("confident").GetBoolean());
        Assert.True(root.GetProperty("owners").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task RunAsync_JsonOutOfScope_IsNotConfidentAndHasSuggestions()
    {
        var (_, output) = await RunAsync("who handles expense reports", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("confident").GetBoolean());
        Assert.Empty(root.GetProperty("owners").EnumerateArray());
        Assert.Contains(
            root.GetProperty("suggestions").EnumerateArray(),
            s => s.GetProperty("matched").GetString() == "Event and alert reporting");
        Assert.False(root.GetProperty("outsideSoc").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_JsonMatchingByMeaningWorkOutsideTheSoc_SaysSoAndSuggestsNoDuty()
    {
        var (_, output) = await RunAsync(OwnershipSemanticTestModel.Default, "who handles expense reports?", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Unknown", root.GetProperty("kind").GetString());
        Assert.True(root.GetProperty("outsideSoc").GetBoolean());
        Assert.Empty(root.GetProperty("suggestions").EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_JsonExplain_ShowsTokensSynonymsAndTopScores()
    {
        var (_, output) = await RunAsync("--json", "--explain", "who", "owns", "MCAS?");

        using var json = JsonDocument.Parse(output);
        var explain = json.RootElement.GetProperty("explain");
        Assert.Equal(["who", "owns", "mcas"], explain.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        var synonym = Assert.Single(explain.GetProperty("synonyms").EnumerateArray());
        Assert.Equal("mcas", synonym.GetProperty("written").GetString());
        Assert.Equal("microsoft defender for cloud apps", synonym.GetProperty("readAs").GetString());
        var scores = explain.GetProperty("topScores").EnumerateArray().ToList();
        Assert.InRange(scores.Count, 1, 5);
        Assert.Equal("Microsoft Defender for Cloud Apps", scores[0].GetProperty("matched").GetString());
        Assert.Equal(scores.Select(s => s.GetProperty("score").GetDouble()).OrderDescending(), scores.Select(s => s.GetProperty("score").GetDouble()));
        Assert.False(string.IsNullOrEmpty(explain.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task RunAsync_TextExplain_PrintsTheAnswerThenTheExplanation()
    {
        var (_, output) = await RunAsync("who does pentests", "--explain");

        var lines = output.Split(Environment.NewLine);
        Assert.Equal("**Engineering & SecOps** owns this.", lines[0]);
        Assert.Contains("synonyms:    pentests → penetration testing", lines);
        Assert.Contains("terms:       penetr test", lines);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("who owns MDE", "--verbose")]
    public async Task RunAsync_NoQuestionOrUnknownOption_IsAUsageError(params string[] args)
    {
        var verb = new AskVerb(OwnershipTestCatalog.Answerer());

        await Assert.ThrowsAsync<CliUsageException>(() =>
            verb.RunAsync(args, new CliConsole(TextWriter.Null, TextWriter.Null), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_JsonExplainMatchingByMeaning_ShowsTheClosestWorkOutsideTheSoc()
    {
        var (_, output) = await RunAsync(OwnershipSemanticTestModel.Default, "who approves my vacation days?", "--json", "--explain");

        using var json = JsonDocument.Parse(output);
        var elsewhere = json.RootElement.GetProperty("explain").GetProperty("elsewhere");
        Assert.Contains(elsewhere.GetProperty("semanticMatched").GetString(), DutyDescriptions.Default.Elsewhere);
        Assert.InRange(elsewhere.GetProperty("semanticScore").GetDouble(), -1, 1);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(OwnershipTestCatalog.Answerer(), args);

    private static async Task<(int ExitCode, string Output)> RunAsync(OwnershipAnswerer answerer, params string[] args)
    {
        var verb = new AskVerb(answerer);
        var output = new StringWriter();
        var exitCode = await verb.RunAsync(args, new CliConsole(output, TextWriter.Null), CancellationToken.None);
        return (exitCode, output.ToString().TrimEnd());
    }
}
