using SocBot.Testing;

namespace SocBot.Cards.Tests.Rendering;

/// <summary>tools/cards/render-card-page.mjs, which turns a card into a page for README screenshots.</summary>
public sealed class RenderCardPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("socbot-card-page-").FullName;

    private static string Script => RepoPaths.Combine("tools", "cards", "render-card-page.mjs");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RenderPage_CleanCard_WritesAStandalonePageWithTheCard()
    {
        var card = Path.Combine(_dir, "card.json");
        var page = Path.Combine(_dir, "card.html");
        await File.WriteAllTextAsync(card, SampleCards.Everything().ToJson());

        var run = await NodeTools.RunScriptAsync(Script, [card, "--out", page, "--title", "Reminder <card>"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        var html = await File.ReadAllTextAsync(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Reminder &lt;card&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("ac-adaptiveCard", html, StringComparison.Ordinal);
        Assert.Contains("Review Secure Score", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderPage_BrokenCard_ExitsOneAndNamesTheProblem()
    {
        var card = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(card, """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Widget"}]}""");

        var run = await NodeTools.RunScriptAsync(Script, [card]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("UnknownElementType", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderPage_NoCardFile_ExitsTwo()
    {
        var run = await NodeTools.RunScriptAsync(Script, []);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage", run.Stderr, StringComparison.Ordinal);
    }
}
