using System.Text.Json;
using SocBot.Catalog;
using SocBot.Ownership;
using SocBot.Testing.Cards;

namespace SocBot.Tests.Ownership;

/// <summary>The answer cards for a confident, an ambiguous, a refused and a team question, checked as JSON and by Microsoft's renderer.</summary>
public sealed class OwnershipCardsTests
{
    [Fact]
    public async Task ToCard_ConfidentAnswer_NamesOwnerQuotesMatchAndOpensTheChannel()
    {
        var catalog = OwnershipTestCatalog.WithContacts(
            "monitoring",
            new ChannelBinding("19:monitoring@thread.tacv2", "7d0c1f7e-2a54-4e54-9b3c-8d9e0f1a2b3c"),
            new TeamContact("Ana Silva", "ana.silva@contoso.example"));
        var answer = OwnershipTestCatalog.Answerer(CatalogOwnershipCorpusSource.ToCorpus(catalog)).Answer("who handles SIEM parsing?");

        var card = OwnershipCards.ToCard(answer);

        using var json = JsonDocument.Parse(card.ToJson());
        var body = json.RootElement.GetProperty("body");
        Assert.Equal("Monitoring owns this", body[0].GetProperty("text").GetString());
        Assert.Equal("“SIEM parsing, alerting, correlation, optimization”", body[1].GetProperty("text").GetString());
        Assert.Equal("Responsibility", body[2].GetProperty("text").GetString());
        var fact = Assert.Single(body[3].GetProperty("facts").EnumerateArray());
        Assert.Equal("Ana Silva (ana.silva@contoso.example)", fact.GetProperty("value").GetString());
        var action = Assert.Single(json.RootElement.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.StartsWith("https://teams.microsoft.com/l/channel/19%3Amonitoring%40thread.tacv2/", action.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(OwnershipAnswerText.ToMarkdown(answer), json.RootElement.GetProperty("fallbackText").GetString());
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }

    [Fact]
    public async Task ToCard_OwnerNamedByMeaningAlone_SaysMostLikelyAndAsksToCheckTheDuty()
    {
        var answer = OwnershipSemanticTestModel.Default.Answer("who pulls a memory image off a hacked laptop?");

        var card = OwnershipCards.ToCard(answer);

        Assert.True(answer.ByMeaning);
        using var json = JsonDocument.Parse(card.ToJson());
        var texts = json.RootElement.GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal($"{answer.Owners[0].TeamName} most likely owns this", texts[0]);
        Assert.Contains(OwnershipAnswerText.ByMeaningNote, texts);
        Assert.StartsWith($"**{answer.Owners[0].TeamName}** most likely owns this.", OwnershipAnswerText.ToMarkdown(answer), StringComparison.Ordinal);
        Assert.Contains(OwnershipAnswerText.ByMeaningNote, OwnershipAnswerText.ToMarkdown(answer), StringComparison.Ordinal);
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }

    [Fact]
    public async Task ToCard_AmbiguousAnswer_HasOneSectionPerOwningTeam()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who owns Defender for Identity?");

        var card = OwnershipCards.ToCard(answer);

        using var json = JsonDocument.Parse(card.ToJson());
        var body = json.RootElement.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("2 teams own parts of this", body[0].GetProperty("text").GetString());
        var sections = body.Where(e => e.GetProperty("type").GetString() == "Container").ToList();
        Assert.Equal(
            ["Engineering & SecOps", "Threat Intelligence & Analytics"],
            sections.Select(s => s.GetProperty("items")[0].GetProperty("text").GetString()).Order());
        Assert.Contains(
            sections,
            s => s.GetProperty("items")[1].GetProperty("text").GetString() == "“Maintains Microsoft Defender for Identity threat modeling”");
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }

    [Fact]
    public async Task ToCard_Refusal_PutsEachSuggestionWithItsButtonRightUnderDidYouMean()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who handles expense reports?");

        var card = OwnershipCards.ToCard(answer);

        using var json = JsonDocument.Parse(card.ToJson());
        var body = json.RootElement.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("I don't know who owns that.", body[0].GetProperty("text").GetString());
        Assert.Equal("Did you mean:", body[1].GetProperty("text").GetString());
        var rows = body.Skip(2).Take(answer.Suggestions.Count).ToList();
        Assert.Equal(answer.Suggestions.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("ColumnSet", r.GetProperty("type").GetString()));
        foreach (var (row, suggestion) in rows.Zip(answer.Suggestions))
        {
            var columns = row.GetProperty("columns");
            var text = columns[0].GetProperty("items")[0];
            Assert.Equal($"**{suggestion.Item.Title}** · {suggestion.TeamName}", text.GetProperty("text").GetString());
            Assert.True(text.GetProperty("wrap").GetBoolean());
            var button = Assert.Single(columns[1].GetProperty("items")[0].GetProperty("actions").EnumerateArray());
            Assert.Equal("Action.Submit", button.GetProperty("type").GetString());
            Assert.Equal("imBack", button.GetProperty("data").GetProperty("msteams").GetProperty("type").GetString());
            Assert.Equal(OwnershipCards.SuggestedQuestion(suggestion), button.GetProperty("data").GetProperty("msteams").GetProperty("value").GetString());
        }

        Assert.Contains(answer.Suggestions, s => OwnershipCards.SuggestedQuestion(s) == "who owns Event and alert reporting?");
        Assert.Equal(OwnershipAnswerText.MatrixHint, body[^1].GetProperty("text").GetString());
        Assert.False(json.RootElement.TryGetProperty("actions", out _));
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }

    [Fact]
    public async Task ToCard_RefusalOfWorkOutsideTheSoc_SaysSoAndOffersNoDuty()
    {
        var answer = OwnershipSemanticTestModel.Default.Answer("who handles expense reports?");

        var card = OwnershipCards.ToCard(answer);

        Assert.True(answer.OutsideSoc);
        using var json = JsonDocument.Parse(card.ToJson());
        var texts = json.RootElement.GetProperty("body").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["I don't know who owns that.", OwnershipAnswerText.OutsideSocNote, OwnershipAnswerText.MatrixHint], texts);
        var markdown = OwnershipAnswerText.ToMarkdown(answer);
        Assert.Contains(OwnershipAnswerText.OutsideSocNote, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", markdown, StringComparison.Ordinal);
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }

    [Fact]
    public async Task ToCard_TeamQuestion_ListsResponsibilitiesAndTasks()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("what does the monitoring team do?");

        var card = OwnershipCards.ToCard(answer);

        using var json = JsonDocument.Parse(card.ToJson());
        var texts = json.RootElement.GetProperty("body").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal("Monitoring", texts[0]);
        var responsibilities = texts[texts.IndexOf("Responsibilities") + 1]!.Split('\n');
        Assert.Contains("- SIEM parsing, alerting, correlation, optimization", responsibilities);
        Assert.Contains("Maintenance tasks", texts);
        Assert.False(json.RootElement.TryGetProperty("actions", out _));
        await CardRenderer.AssertCleanAsync(card.ToJson());
    }
}
