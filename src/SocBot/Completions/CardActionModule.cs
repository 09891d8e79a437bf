using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Access;
using SocBot.Bot;
using SocBot.Cards;
using SocBot.Protocol;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Completions;

/// <summary>
/// The buttons of reminder cards: Action.Execute arrives as an adaptiveCard/action invoke and is answered with the card
/// to show; clients that send Action.Submit instead get the same handling and the card updated in place. Data that is
/// not ours, another tenant's, unknown occurrences and people outside the team get a clear card and change nothing.
/// </summary>
public sealed partial class CardActionModule(
    ISocStateStore store,
    CompletionService completions,
    AccessPolicy access,
    TimeProvider time,
    ILogger<CardActionModule> logger) : IBotModule
{
    /// <summary>The card answer is due within Teams' 5 s: what storage has not confirmed by then is reported as not saved.</summary>
    public static readonly TimeSpan StorageBudget = TimeSpan.FromSeconds(3);

    /// <summary>The heading of the card that says a change was not saved.</summary>
    public const string NotSavedTitle = "Not saved — please try again";

    public IEnumerable<HelpEntry> Help => [];

    public void Register(ActivityRouter router)
    {
        router.OnInvoke("adaptiveCard/action", OnActionAsync);
        router.OnSubmit(OnSubmitAsync);
    }

    private async Task<InvokeResponse> OnActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || OccurrenceCardData.Text(action, "verb") is not { } verb)
        {
            return Error(400, "BadRequest", "The card action has no verb.");
        }

        var data = action.TryGetProperty("data", out var d) ? d : default;
        var card = await HandleWithinBudgetAsync(turn, verb, data, cancellationToken);
        return CardResponse(card);
    }

    private async Task OnSubmitAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.Activity.Value!.Value;
        var verb = OccurrenceCardData.Text(data, ReminderVerbs.SubmitVerbKey);
        var card = verb is null
            ? ReminderPoster.CardActivity(ReminderCards.Message("Not a SocBot card", "I can't tell what this button was for."))
            : await HandleWithinBudgetAsync(turn, verb, data, cancellationToken);
        if (turn.Activity.ReplyToId is { } cardActivityId && verb is not null && OccurrenceCardData.TryRead(data, out _))
        {
            await turn.UpdateActivityAsync(cardActivityId, card, cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync(card, cancellationToken);
        }
    }

    /// <summary>
    /// A click is answered within Teams' time limit whatever storage does: when the store is unreachable, or too slow to
    /// confirm the change in time, the person is told it was not saved and to try again — never shown a success that
    /// is not stored.
    /// </summary>
    private async Task<OutgoingActivity> HandleWithinBudgetAsync(ITurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(StorageBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await HandleAsync(turn, verb, data, linked.Token);
        }
        catch (StateStoreUnavailableException e)
        {
            Log.StorageUnavailable(logger, e, verb);
            return NotSaved(data);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.StorageTooSlow(logger, verb, StorageBudget);
            return NotSaved(data);
        }
    }

    private async Task<OutgoingActivity> HandleAsync(ITurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!OccurrenceCardData.TryRead(data, out var target))
        {
            Log.Refused(logger, "unreadable card data", verb);
            return Message("Not a SocBot reminder", "This card's data is not something I recognise, so nothing was recorded.");
        }

        if (!string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            Log.Refused(logger, "tenant mismatch", verb);
            return Message("Another organization's reminder", "This card belongs to another organization, so nothing was recorded.");
        }

        var record = await store.GetOccurrenceAsync(target.TenantId, target.TeamId, target.Key.ToString(), cancellationToken);
        if (record is null)
        {
            Log.Refused(logger, "unknown occurrence", verb);
            return Message("Unknown reminder", "I have no record of this reminder, so nothing was recorded.");
        }

        if (verb == ReminderVerbs.Refresh)
        {
            return ReminderPoster.CardActivity(await completions.CurrentCardAsync(record, target.Scope, cancellationToken));
        }

        if (!access.CanActOn(record, activity))
        {
            Log.Refused(logger, "not in the team's channel", verb);
            return Message("Not your team's task", "Only people in the channel this reminder was posted to (or SOC admins) can act on it. Nothing was recorded.");
        }

        var by = AccessPolicy.ActorOf(activity);
        var result = verb switch
        {
            ReminderVerbs.Complete => await completions.CompleteAsync(record, target.Scope, turn.ServiceUrl, by, OccurrenceCardData.Input(data, ReminderVerbs.NoteInput), OccurrenceCardData.Input(data, ReminderVerbs.EvidenceInput), cancellationToken),
            ReminderVerbs.Skip when OccurrenceCardData.Input(data, ReminderVerbs.ReasonInput) is { Length: > 0 } reason && !string.IsNullOrWhiteSpace(reason) =>
                await completions.SkipAsync(record, target.Scope, turn.ServiceUrl, by, reason, cancellationToken),
            ReminderVerbs.Skip => null,
            ReminderVerbs.SnoozeHour => await completions.SnoozeAsync(record, target.Scope, turn.ServiceUrl, by, untilTomorrow: false, cancellationToken),
            ReminderVerbs.SnoozeTomorrow => await completions.SnoozeAsync(record, target.Scope, turn.ServiceUrl, by, untilTomorrow: true, cancellationToken),
            _ => null,
        };

        if (result is null)
        {
            return verb == ReminderVerbs.Skip
                ? Message("A reason is needed", "Skipping a SOC task needs a reason. Nothing was recorded; open the card's \"Skip\" again.")
                : Message("Unknown action", $"I don't know the action '{verb}'. Nothing was recorded.");
        }

        Log.Applied(logger, verb, record.OccurrenceKey, result.Outcome.ToString());
        return result.Card;
    }

    private static OutgoingActivity Message(string title, string text) => ReminderPoster.CardActivity(ReminderCards.Message(title, text));

    /// <summary>Says plainly that nothing is confirmed, with a button that brings the reminder back to try again.</summary>
    private static OutgoingActivity NotSaved(JsonElement data)
    {
        var card = ReminderCards.Message(
            NotSavedTitle,
            "I couldn't reach SocBot's storage, so your change was not saved. Please try again in a minute; if it did get through after all, the reminder will show it.");
        if (OccurrenceCardData.TryRead(data, out var target))
        {
            var retry = target.ToJson();
            retry[ReminderVerbs.SubmitVerbKey] = ReminderVerbs.Refresh;
            card = card with
            {
                Actions = [new AdaptiveExecuteAction { Title = "Show the reminder again", Verb = ReminderVerbs.Refresh, Data = retry, Fallback = AdaptiveFallback.ActionSubmit }],
            };
        }

        return ReminderPoster.CardActivity(card);
    }

    /// <summary>The invoke answer carries the card element of the activity as it is, so the card is serialized only once.</summary>
    private static InvokeResponse CardResponse(OutgoingActivity card)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", 200);
            writer.WriteString("type", AdaptiveCardSchema.ContentType);
            writer.WritePropertyName("value");
            card.Attachments![0].Content!.Value.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new InvokeResponse(200, document.RootElement.Clone());
    }

    private static InvokeResponse Error(int status, string code, string message) => new(200, JsonElements.From(
        new JsonObject
        {
            ["statusCode"] = status,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        }));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused card action {Verb}: {Reason}")]
        public static partial void Refused(ILogger logger, string reason, string verb);

        [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} on {OccurrenceKey}: {Outcome}")]
        public static partial void Applied(ILogger logger, string verb, string occurrenceKey, string outcome);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Card action {Verb} not saved: storage is unreachable")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception, string verb);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Card action {Verb} not confirmed: storage did not answer within {Budget}")]
        public static partial void StorageTooSlow(ILogger logger, string verb, TimeSpan budget);
    }
}
