using Microsoft.Extensions.DependencyInjection;
using SocBot.Ownership;
using SocBot.Testing.Playground;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Playground;

/// <summary>"Who owns X?" asked in the Microsoft 365 Agents Playground, as a person asks it in a personal chat.</summary>
public sealed class PlaygroundOwnershipTests
{
    [Fact]
    public async Task PersonalChat_QuestionItCannotPlace_SuggestionsAskTheirQuestionWhenClicked()
    {
        await using var bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?>());
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseUrl, "api/messages"));
        await using var photos = await PlaygroundScreenshots.OpenOrInstallAsync(playground, height: 900);
        var chat = playground.PersonalChatId;

        await playground.WaitForAsync(e => IsBotCard(playground, e, welcome: true), "welcome card on install");

        await playground.SendTextAsync(chat, "who handles expense reports?");
        var refusal = await playground.WaitForAsync(e => IsBotCard(playground, e, welcome: false), "the refusal card");
        var card = refusal.Card!.Value;
        var texts = PostedCards.Texts(card).ToList();
        Assert.Equal("I don't know who owns that.", texts[0]);
        Assert.Equal("Did you mean:", texts[1]);
        Assert.Contains("**Event and alert reporting** · Monitoring", texts);
        Assert.Equal(OwnershipAnswerText.MatrixHint, texts[^1]);
        var asks = PostedCards.ImBackValues(card);
        Assert.Contains("who owns Event and alert reporting?", asks);
        // An imBack button makes Teams post its value as the person's own message.
        await playground.SendTextAsync(chat, "who owns Event and alert reporting?");
        var answer = await playground.WaitForAsync(
            e => IsBotCard(playground, e, welcome: false) && e.MessageId != refusal.MessageId,
            "the answer to the suggested question");
        var answerTexts = PostedCards.Texts(answer.Card!.Value).ToList();
        Assert.Equal("Monitoring owns this", answerTexts[0]);
        Assert.Contains("“Event and alert reporting”", answerTexts);
        if (photos is not null)
        {
            await photos.TakeAsync("playground-who-owns.png");
        }

        Assert.All(texts.Concat(answerTexts), t => Assert.DoesNotContain("&lt;", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonalChat_QuestionInOtherWords_NamesTheLikelyOwnerByMeaningAndSaysSoAndWorkOutsideTheSocIsDeclined()
    {
        await using var bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?> { ["Ownership:Semantic:Enabled"] = "true" });
        await WaitForSemanticIndexAsync(bot);
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseUrl, "api/messages"));
        await using var photos = await PlaygroundScreenshots.OpenOrInstallAsync(playground, height: 700);
        var chat = playground.PersonalChatId;

        await playground.WaitForAsync(e => IsBotCard(playground, e, welcome: true), "welcome card on install");

        await playground.SendTextAsync(chat, "who pulls a memory image off a hacked laptop?");
        var answer = await playground.WaitForAsync(e => IsBotCard(playground, e, welcome: false), "the answer by meaning");
        var texts = PostedCards.Texts(answer.Card!.Value).ToList();
        Assert.Equal("Computer Security Incident Response Team (CSIRT) most likely owns this", texts[0]);
        Assert.Contains("“Performs forensics”", texts);
        Assert.Equal(OwnershipAnswerText.ByMeaningNote, texts[^1]);
        if (photos is not null)
        {
            await photos.TakeAsync("playground-who-owns-by-meaning.png");
        }

        // As chat messages are typed: lowercase, no question mark, everyday verbs the catalog does not use.
        await playground.SendTextAsync(chat, "the servicenow queue stopped getting tickets from our alerts overnight, who fixes it");
        var chatty = await playground.WaitForAsync(
            e => IsBotCard(playground, e, welcome: false) && e.MessageId != answer.MessageId, "the answer to a chat-style question");
        var chattyTexts = PostedCards.Texts(chatty.Card!.Value).ToList();
        Assert.Equal("Monitoring most likely owns this", chattyTexts[0]);
        Assert.Contains("“Ticketing system maintenance”", chattyTexts);
        Assert.DoesNotContain(chattyTexts, t => t.Contains("I read", StringComparison.Ordinal));
        if (photos is not null)
        {
            await photos.TakeAsync("playground-who-owns-chat-style.png");
        }

        await playground.SendTextAsync(chat, "who handles expense reports?");
        var outside = await playground.WaitForAsync(
            e => IsBotCard(playground, e, welcome: false) && e.MessageId != answer.MessageId && e.MessageId != chatty.MessageId,
            "the refusal of work outside the SOC");
        var outsideTexts = PostedCards.Texts(outside.Card!.Value).ToList();
        Assert.Equal(["I don't know who owns that.", OwnershipAnswerText.OutsideSocNote, OwnershipAnswerText.MatrixHint], outsideTexts);
        Assert.Empty(PostedCards.ImBackValues(outside.Card!.Value));
        if (photos is not null)
        {
            await photos.TakeAsync("playground-who-owns-outside-soc.png");
        }
    }

    /// <summary>The index builds in the background after start; the test asks only once answers can use it.</summary>
    private static async Task WaitForSemanticIndexAsync(SocBotTestHost bot)
    {
        var semantics = bot.Services.GetRequiredService<OwnershipSemantics>();
        var corpus = bot.Services.GetRequiredService<IOwnershipCorpusSource>().Current;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (semantics.IndexFor(corpus) is null)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static bool IsBotCard(AgentsPlayground playground, PlaygroundStreamEvent streamEvent, bool welcome) =>
        AgentsPlaygroundTests.IsBotMessage(playground, streamEvent, "createMessage") && streamEvent.Card is not null
        && PostedCards.Texts(streamEvent.Card.Value).FirstOrDefault() is { } first
        && first.StartsWith("Hi, I'm SocBot", StringComparison.Ordinal) == welcome;
}
