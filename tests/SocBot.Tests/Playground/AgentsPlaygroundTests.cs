using System.Text.Json;
using SocBot.Bot;
using SocBot.Reminders;
using SocBot.State;
using SocBot.Testing.Playground;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Playground;

/// <summary>
/// The issues' "Done when", driven by Microsoft 365 Agents Playground instead of by hand: the real bot (Development, its
/// own SQLite file, an injected clock) behind the real Playground, read from the stream the Playground's chat UI reads.
/// </summary>
public sealed class AgentsPlaygroundTests
{
    // A Monday at 09:00 UTC: the built-in catalog's daily and weekly reminders are due then.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PersonalChat_HelpLinkReminderAndComplete_AnsweredAndCardUpdatedInPlace()
    {
        var time = new FakeTimeProvider(MondayMorning);
        await using var bot = await SocBotTestHost.StartAsync(
            new Dictionary<string, string?>(),
            overrideServices: services => services.AddSingleton<TimeProvider>(time));
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseUrl, "api/messages"));
        var chat = playground.PersonalChatId;

        await playground.SendTextAsync(chat, "help");
        var help = await playground.WaitForAsync(e => IsBotMessage(playground, e, "createMessage") && e.Text is not null, "reply to help");
        Assert.Equal(bot.Services.GetRequiredService<HelpModule>().HelpText(forAdmin: true), help.Text);

        await playground.SendTextAsync(chat, "link soc-oversight");
        var linked = await playground.WaitForAsync(e => IsBotMessage(playground, e, "createMessage") && e.Text is not null, "reply to link");
        Assert.StartsWith("Linked **SOC Oversight**", linked.Text);

        var report = await bot.Services.GetRequiredService<ReminderPass>().RunAsync(time.GetUtcNow(), dryRun: false, CancellationToken.None);
        var posted = report.Posted.ToList();
        Assert.NotEmpty(posted);
        Assert.All(posted, item => Assert.Equal(chat, item.ChannelId));
        var reminder = await playground.WaitForAsync(e => IsBotMessage(playground, e, "createMessage") && e.Card is not null, "reminder card");
        var card = reminder.Card!.Value;
        Assert.Equal(posted.Select(p => p.OccurrenceKey).Order(), PostedCards.OccurrenceKeys(card).Order());

        var chosen = posted[0];
        var action = CompleteActionFor(card, chosen.OccurrenceKey);
        var answer = await playground.ClickAsync(chat, reminder.MessageId!, action.GetProperty("verb").GetString()!, action.GetProperty("data"));
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        AssertCompletedByCurrentUser(playground, answer.GetProperty("value"), chosen.OccurrenceKey);

        var updated = await playground.WaitForAsync(
            e => IsBotMessage(playground, e, "updateMessage") && e.MessageId == reminder.MessageId,
            "update of the reminder card");
        Assert.NotNull(updated.Card);
        AssertCompletedByCurrentUser(playground, updated.Card.Value, chosen.OccurrenceKey);

        var stored = await bot.Services.GetRequiredService<ISocStateStore>()
            .GetOccurrenceAsync(chosen.TenantId, chosen.TeamId, chosen.OccurrenceKey, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(OccurrenceState.Completed, stored.State);
        Assert.Equal(reminder.MessageId, stored.ActivityId);
        Assert.Equal(playground.CurrentUser.GetProperty("aadObjectId").GetString(), stored.ResolvedBy?.AadObjectId);
        Assert.Equal(playground.CurrentUser.GetProperty("name").GetString(), stored.ResolvedBy?.Name);
        Assert.Equal(MondayMorning, stored.ResolvedAt);
    }

    internal static bool IsBotMessage(AgentsPlayground playground, PlaygroundStreamEvent streamEvent, string action) =>
        streamEvent.Action == action
        && streamEvent.ConversationId == playground.PersonalChatId
        && streamEvent.Message.TryGetProperty("from", out var from)
        && from.GetProperty("id").GetString() == playground.BotId;

    /// <summary>The card's button that completes <paramref name="occurrenceKey"/>: Complete on a single card, Done in a digest.</summary>
    private static JsonElement CompleteActionFor(JsonElement card, string occurrenceKey) =>
        Descendants(card).Single(e =>
            e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute"
            && e.GetProperty("verb").GetString() == "socbot.complete"
            && e.GetProperty("data").TryGetProperty("occ", out var occ) && occ.GetString() == occurrenceKey);

    private static void AssertCompletedByCurrentUser(AgentsPlayground playground, JsonElement card, string occurrenceKey)
    {
        var name = playground.CurrentUser.GetProperty("name").GetString();
        Assert.Contains(PostedCards.Texts(card), text => text.Contains($"Completed by {name} at ", StringComparison.Ordinal));
        Assert.DoesNotContain(occurrenceKey, PostedCards.OccurrenceKeys(card));
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
