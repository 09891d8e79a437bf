using SocBot.Testing.Cards;

namespace SocBot.Cards.Tests.Rendering;

/// <summary>Our cards against Microsoft's renderer, and proof that the harness reports what is wrong.</summary>
public sealed class MicrosoftRendererTests
{
    [Fact]
    public async Task ValidateAsync_EveryPartOfTheModel_NothingToReport()
    {
        var result = await CardRenderer.AssertCleanAsync(SampleCards.Everything().ToJson());

        Assert.Contains("Review Secure Score", result.Html, StringComparison.Ordinal);
        Assert.Contains("Mark complete", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_UnknownElementType_ReportsUnknownElementType()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Widget","text":"x"}]}""";

        var result = await CardRenderer.ValidateAsync(card);

        Assert.False(result.Ok);
        var issue = Assert.Single(result.Errors);
        Assert.Equal("UnknownElementType", issue.Event);
        Assert.Equal("Parse", issue.Phase);
    }

    [Fact]
    public async Task ValidateAsync_MediaElement_ReportedBecauseTeamsBotCardsHaveNoMedia()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Media","sources":[]}]}""";

        var result = await CardRenderer.ValidateAsync(card);

        Assert.False(result.Ok);
        var issue = Assert.Single(result.Errors);
        Assert.Equal("UnknownElementType", issue.Event);
        Assert.Equal("Parse", issue.Phase);
    }

    [Fact]
    public async Task ValidateAsync_UnknownActionType_ReportsUnknownActionType()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.Teleport","title":"x"}]}""";

        var result = await CardRenderer.ValidateAsync(card);

        Assert.Contains(result.Errors, i => i.Event == "UnknownActionType");
    }

    [Fact]
    public async Task ValidateAsync_MissingRequiredProperties_ReportsEachOne()
    {
        var card = new AdaptiveCard
        {
            Body = [new AdaptiveTextInput { Label = "Note" }, new AdaptiveChoiceSetInput { Id = "pick", Label = "Pick", Choices = [] }],
        }.ToJson();

        var result = await CardRenderer.ValidateAsync(card);

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, i => i is { Event: "PropertyCantBeNull", Source: "Input.Text" });
        Assert.Contains(result.Errors, i => i is { Event: "CollectionCantBeEmpty", Source: "Input.ChoiceSet" });
    }

    [Fact]
    public async Task ValidateAsync_OpenUrlWithoutUrl_ReportsPropertyCantBeNull()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.OpenUrl","title":"Runbook"}]}""";

        var result = await CardRenderer.ValidateAsync(card);

        Assert.Contains(result.Errors, i => i is { Event: "PropertyCantBeNull", Source: "Action.OpenUrl" });
    }

    [Fact]
    public async Task ValidateAsync_RequiredInputWithoutLabel_ReportsWarnings()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextInput { Id = "reason", IsRequired = true }] }.ToJson();

        var result = await CardRenderer.ValidateAsync(card);

        Assert.False(result.Ok);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, i => i.Event == "RequiredInputsShouldHaveLabel");
        Assert.Contains(result.Warnings, i => i.Event == "RequiredInputsShouldHaveErrorMessage");
    }

    [Fact]
    public async Task ValidateAsync_VersionNewerThanTeams_ReportsUnsupportedCardVersion()
    {
        const string card = """{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"hi"}]}""";

        var result = await CardRenderer.ValidateAsync(card);

        Assert.Contains(result.Errors, i => i is { Phase: "Host", Event: "UnsupportedCardVersion" });
    }

    [Fact]
    public async Task ValidateAsync_NotJson_ReportsInvalidJson()
    {
        var result = await CardRenderer.ValidateAsync("{not json");

        Assert.Equal("InvalidJson", Assert.Single(result.Errors).Event);
    }

    [Fact]
    public async Task ValidateAsync_MarkdownText_RendersBoldAndHighlightsMentionsAsTeamsDoes()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "**Overdue** <at>Ada</at>" }] }.ToJson();

        var result = await CardRenderer.AssertCleanAsync(card);

        Assert.Contains("<strong", result.Html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"ac-mention\"[^>]*>Ada</span>", result.Html);
        Assert.DoesNotContain("&lt;at&gt;", result.Html, StringComparison.Ordinal);
    }
}
