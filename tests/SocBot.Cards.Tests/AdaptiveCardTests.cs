using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocBot.Cards.Tests;

public sealed class AdaptiveCardTests
{
    [Fact]
    public void ToJson_EmptyCard_WritesSchemaTypeAndTeamsVersion()
    {
        var json = JsonNode.Parse(new AdaptiveCard().ToJson())!.AsObject();

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal(AdaptiveCardSchema.Version, (string?)json["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)json["$schema"]);
        Assert.Empty(json["body"]!.AsArray());
    }

    [Fact]
    public void ToJson_UnsetProperties_AreOmitted()
    {
        var json = JsonNode.Parse(new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "hi" }] }.ToJson())!.AsObject();

        Assert.Equal(["$schema", "type", "version", "body"], json.Select(p => p.Key));
        var text = json["body"]![0]!.AsObject();
        Assert.Equal(["type", "text"], text.Select(p => p.Key));
    }

    [Fact]
    public void ToJson_BodyElements_WriteTheirTypeDiscriminators()
    {
        var body = JsonNode.Parse(SampleCards.Everything().ToJson())!["body"]!.AsArray();

        Assert.Equal(
            ["TextBlock", "Container", "FactSet", "ColumnSet", "Input.Text", "Input.ChoiceSet", "ActionSet"],
            body.Select(e => (string?)e!["type"]));
        Assert.Equal("Column", (string?)body[3]!["columns"]![0]!["type"]);
        Assert.Equal("TextBlock", (string?)body[1]!["items"]![0]!["type"]);
    }

    [Fact]
    public void ToJson_Enums_UseTheSchemaSpelling()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTextBlock
                {
                    Text = "x",
                    Size = AdaptiveTextSize.ExtraLarge,
                    Weight = AdaptiveTextWeight.Bolder,
                    HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
                    Spacing = AdaptiveSpacing.ExtraLarge,
                },
                new AdaptiveTextInput { Id = "u", Style = AdaptiveTextInputStyle.Url },
            ],
        };

        var body = JsonNode.Parse(card.ToJson())!["body"]!.AsArray();

        Assert.Equal("extraLarge", (string?)body[0]!["size"]);
        Assert.Equal("bolder", (string?)body[0]!["weight"]);
        Assert.Equal("center", (string?)body[0]!["horizontalAlignment"]);
        Assert.Equal("extraLarge", (string?)body[0]!["spacing"]);
        Assert.Equal("url", (string?)body[1]!["style"]);
    }

    [Fact]
    public void ToJson_ExecuteAction_WritesVerbDataInputsAndSubmitFallback()
    {
        var body = JsonNode.Parse(SampleCards.Everything().ToJson())!["body"]!.AsArray();
        var execute = body[6]!["actions"]![0]!.AsObject();

        Assert.Equal("Action.Execute", (string?)execute["type"]);
        Assert.Equal("Mark complete", (string?)execute["title"]);
        Assert.Equal("complete", (string?)execute["verb"]);
        Assert.Equal("weekly-secure-score|2026-01-05", (string?)execute["data"]!["occurrence"]);
        Assert.Equal("auto", (string?)execute["associatedInputs"]);
        Assert.Equal(JsonValueKind.String, execute["fallback"]!.GetValueKind());
        Assert.Equal("Action.Submit", (string?)execute["fallback"]);
    }

    [Fact]
    public void ToJson_ShowCardAction_NestsACardWithItsOwnActions()
    {
        var body = JsonNode.Parse(SampleCards.Everything().ToJson())!["body"]!.AsArray();
        var showCard = body[6]!["actions"]![1]!.AsObject();

        Assert.Equal("Action.ShowCard", (string?)showCard["type"]);
        Assert.Equal("AdaptiveCard", (string?)showCard["card"]!["type"]);
        Assert.Equal("reason", (string?)showCard["card"]!["body"]![0]!["id"]);
        Assert.True((bool?)showCard["card"]!["body"]![0]!["isRequired"]);
        Assert.Equal("skip", (string?)showCard["card"]!["actions"]![0]!["verb"]);
    }

    [Fact]
    public void ToJson_CardActions_WriteOpenUrlAndSubmit()
    {
        var actions = JsonNode.Parse(SampleCards.Everything().ToJson())!["actions"]!.AsArray();

        Assert.Equal("Action.OpenUrl", (string?)actions[0]!["type"]);
        Assert.Equal("https://contoso.example/runbooks/secure-score", (string?)actions[0]!["url"]);
        Assert.Equal("Action.Submit", (string?)actions[1]!["type"]);
        Assert.Equal("snooze", (string?)actions[1]!["data"]!["verb"]);
    }

    [Fact]
    public void ToJson_Refresh_WritesExecuteActionAndUserIds()
    {
        var refresh = JsonNode.Parse(SampleCards.Everything().ToJson())!["refresh"]!.AsObject();

        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal("refresh", (string?)refresh["action"]!["verb"]);
        Assert.Empty(refresh["userIds"]!.AsArray());
    }

    [Fact]
    public void ToJson_MsTeams_WritesWidthAndMentionEntities()
    {
        var json = JsonNode.Parse(SampleCards.Everything().ToJson())!;
        var msteams = json["msteams"]!.AsObject();
        var mention = msteams["entities"]![0]!.AsObject();

        Assert.Equal("Full", (string?)msteams["width"]);
        Assert.Equal("mention", (string?)mention["type"]);
        Assert.Equal("<at>Ada Lovelace</at>", (string?)mention["text"]);
        Assert.Equal("29:1abc", (string?)mention["mentioned"]!["id"]);
        Assert.Equal("Ada Lovelace", (string?)mention["mentioned"]!["name"]);
        Assert.Contains("<at>Ada Lovelace</at>", (string?)json["body"]![1]!["items"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_OwnOutput_RoundTripsToTheSameJson()
    {
        var json = SampleCards.Everything().ToJson();

        var again = AdaptiveCard.FromJson(json).ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)));
    }

    [Fact]
    public void FromJson_TypeAfterOtherProperties_StillResolvesTheElement()
    {
        const string json = """{"body":[{"text":"late type","type":"TextBlock"}],"type":"AdaptiveCard","version":"1.5"}""";

        var card = AdaptiveCard.FromJson(json);

        Assert.Equal("late type", Assert.IsType<AdaptiveTextBlock>(Assert.Single(card.Body)).Text);
    }

    [Fact]
    public void FromJson_UnknownElementType_Throws()
    {
        const string json = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Media","sources":[]}]}""";

        Assert.ThrowsAny<JsonException>(() => AdaptiveCard.FromJson(json));
    }

    [Fact]
    public void FromJson_FallbackObject_ReadsTheAction()
    {
        const string json = """
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[
              {"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit","title":"Go","data":{"verb":"go"}}}]}]}
            """;

        var set = Assert.IsType<AdaptiveActionSet>(Assert.Single(AdaptiveCard.FromJson(json).Body));
        var fallback = Assert.Single(set.Actions).Fallback;

        Assert.NotNull(fallback);
        Assert.Null(fallback.Keyword);
        var submit = Assert.IsType<AdaptiveSubmitAction>(fallback.Action);
        Assert.Equal("go", (string?)submit.Data!["verb"]);
    }

    [Fact]
    public void ToJson_FallbackAction_WritesAnActionObject()
    {
        var card = new AdaptiveCard
        {
            Actions = [new AdaptiveExecuteAction { Verb = "go", Fallback = AdaptiveFallback.To(new AdaptiveSubmitAction { Title = "Go" }) }],
        };

        var fallback = JsonNode.Parse(card.ToJson())!["actions"]![0]!["fallback"]!;

        Assert.Equal(JsonValueKind.Object, fallback.GetValueKind());
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal("Go", (string?)fallback["title"]);
    }

    [Fact]
    public void ToJsonElement_MatchesToJson()
    {
        var card = SampleCards.Everything();

        var element = card.ToJsonElement();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(card.ToJson()), JsonNode.Parse(element.GetRawText())));
    }
}
