using System.Text.Json;
using System.Text.RegularExpressions;
using SocBot.Tests.Reports;

namespace SocBot.Tests.Bot;

/// <summary>
/// Teams reads a bot's text as HTML-flavoured markdown: a literal &lt;team&gt; is a tag that vanishes, and an escaped one
/// shows as "&amp;lt;team&amp;gt;" in some clients. Every help, refusal and answer a person can get from the commands, and
/// the welcome card, is collected from the loopback connector and checked for both.
/// </summary>
public sealed partial class RenderedTextTests
{
    private static readonly string[] Said =
    [
        "help", "hello", "stauts", "due", "status", "status blue team", "tasks", "history", "history rotate the coffee", "history update",
        "history secure score", "complete", "complete purple monkey", "skip", "skip tickets", "skip tickets queue empty", "complete secure score",
        "export", "export 5/1/2026", "export 2026-01-05", "run", "run purple monkey", "run tickets", "run tabletop", "link", "link blue team",
        "unlink", "unlink blue team", "channels", "reload", "who owns secure score?", "what does monitoring do?", "matrix",
    ];

    [Fact]
    public async Task EveryReply_ToEveryCommand_HasNoEscapedOrSwallowedPlaceholder()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.InstallInTeamAsync(Speaker.Admin);
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));
        await scenario.RunPassAsync();
        foreach (var text in Said)
        {
            await scenario.SayInChannelForReplyAsync(Speaker.Ada, SocChannels.Monitoring, text);
            await scenario.SayInChatForReplyAsync(Speaker.Grace, text);
        }

        var texts = scenario.Connector.Requests
            .Where(r => r.Method is "POST" or "PUT" && r.PathAndQuery.StartsWith("/v3/conversations", StringComparison.Ordinal) && r.Body.Length > 0)
            .SelectMany(r => TextsOf(r.Json))
            .ToList();

        Assert.True(texts.Count > 2 * Said.Length, $"only {texts.Count} texts were collected");
        Assert.Contains(texts, t => t.Contains('‹', StringComparison.Ordinal));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("&lt;", t, StringComparison.Ordinal);
            Assert.DoesNotContain("&gt;", t, StringComparison.Ordinal);
            Assert.False(Tag().IsMatch(t), $"a tag Teams would swallow: {Tag().Match(t).Value} in \"{t}\"");
        });
    }

    /// <summary>Message text, and every text a card shows (text blocks, fact titles and values, button titles).</summary>
    private static IEnumerable<string> TextsOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Value.ValueKind == JsonValueKind.String && p.Name is "text" or "title" or "value" or "fallbackText" or "summary" or "description"
                ? [p.Value.GetString()!]
                : TextsOf(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(TextsOf),
        _ => [],
    };

    /// <summary>Anything the HTML parser would take as a tag, other than the &lt;at&gt; of a mention.</summary>
    [GeneratedRegex(@"</?(?!at>)[A-Za-z!][^>\s]*>?")]
    private static partial Regex Tag();
}
