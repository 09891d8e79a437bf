using System.Text.Json;
using Xunit;

namespace SocBot.Testing.Cards;

/// <summary>
/// Runs a card through Microsoft's renderer (npm adaptivecards, via tools/cards/validate-card.mjs) so any test can
/// assert that a card parses, validates and renders with nothing to report, as Teams' own renderer would see it.
/// </summary>
public static class CardRenderer
{
    private static readonly JsonSerializerOptions ResultOptions = new(JsonSerializerDefaults.Web);

    public static string ScriptPath => RepoPaths.Combine("tools", "cards", "validate-card.mjs");

    /// <summary>Parses, validates and renders the card; <paramref name="maxVersion"/> is the newest schema the host renders.</summary>
    public static async Task<CardRenderResult> ValidateAsync(string cardJson, string maxVersion = "1.5", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        NodeTools.Require(Path.Combine("adaptivecards", "dist", "adaptivecards.js"));
        NodeTools.Require("jsdom");

        var run = await NodeTools.RunScriptAsync(ScriptPath, ["--max-version", maxVersion], cardJson, cancellationToken);
        if (run.ExitCode is not (0 or 1))
        {
            Assert.Fail($"validate-card.mjs exited {run.ExitCode}: {run.Stderr}");
        }

        var result = JsonSerializer.Deserialize<CardRenderResult>(run.Stdout, ResultOptions);
        Assert.NotNull(result);
        Assert.Equal(run.ExitCode == 0, result.Ok);
        return result;
    }

    /// <summary>Fails the test, listing every warning and error, unless the renderer has nothing to report.</summary>
    public static async Task<CardRenderResult> AssertCleanAsync(string cardJson, CancellationToken cancellationToken = default)
    {
        var result = await ValidateAsync(cardJson, cancellationToken: cancellationToken);
        if (!result.Ok)
        {
            var issues = result.Errors.Select(i => $"error {i}").Concat(result.Warnings.Select(i => $"warning {i}"));
            Assert.Fail($"Microsoft's renderer reported:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");
        }

        return result;
    }
}
