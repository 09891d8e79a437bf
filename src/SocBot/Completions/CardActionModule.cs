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
    ILogger<CardActionModule> logger) : IBotModule
{
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
        var card = await HandleAsync(turn.Activity, verb, data, cancellationToken);
        return CardResponse(card);
    }

    private async Task OnSubmitAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.Activity.Value!.Value;
        var verb = OccurrenceCardData.Text(data, ReminderVerbs.SubmitVerbKey);
        var card = verb is null
            ? ReminderCards.Message("Not a SocBot card", "I can't tell what this button was for.")
            : await HandleAsync(turn.Activity, verb, data, cancellationToken);
        if (turn.Activity.ReplyToId is { } cardActivityId && verb is not null && OccurrenceCardData.TryRead(data, out _))
        {
            await turn.UpdateActivityAsync(cardActivityId, ReminderPoster.CardActivity(card), cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync(ReminderPoster.CardActivity(card), cancellationToken);
        }
    }

    private async Task<AdaptiveCard> HandleAsync(Activity activity, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (!OccurrenceCardData.TryRead(data, out var target))
        {
            Log.Refused(logger, "unreadable card data", verb);
            return ReminderCards.Message("Not a SocBot reminder", "This card's data is not something I recognise, so nothing was recorded.");
        }

        if (!string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            Log.Refused(logger, "tenant mismatch", verb);
            return ReminderCards.Message("Another organization's reminder", "This card belongs to another organization, so nothing was recorded.");
        }

        var record = await store.GetOccurrenceAsync(target.TenantId, target.TeamId, target.Key.ToString(), cancellationToken);
        if (record is null)
        {
            Log.Refused(logger, "unknown occurrence", verb);
            return ReminderCards.Message("Unknown reminder", "I have no record of this reminder, so nothing was recorded.");
        }

        if (verb == ReminderVerbs.Refresh)
        {
            return await completions.CurrentCardAsync(record, cancellationToken);
        }

        if (!access.CanActOn(record, activity))
        {
            Log.Refused(logger, "not in the team's channel", verb);
            return ReminderCards.Message("Not your team's task", "Only people in the channel this reminder was posted to (or SOC admins) can act on it. Nothing was recorded.");
        }

        var by = AccessPolicy.ActorOf(activity);
        var result = verb switch
        {
            ReminderVerbs.Complete => await completions.CompleteAsync(record, by, OccurrenceCardData.Input(data, ReminderVerbs.NoteInput), OccurrenceCardData.Input(data, ReminderVerbs.EvidenceInput), cancellationToken),
            ReminderVerbs.Skip when OccurrenceCardData.Input(data, ReminderVerbs.ReasonInput) is { Length: > 0 } reason && !string.IsNullOrWhiteSpace(reason) =>
                await completions.SkipAsync(record, by, reason, cancellationToken),
            ReminderVerbs.Skip => null,
            ReminderVerbs.SnoozeHour => await completions.SnoozeAsync(record, by, untilTomorrow: false, cancellationToken),
            ReminderVerbs.SnoozeTomorrow => await completions.SnoozeAsync(record, by, untilTomorrow: true, cancellationToken),
            _ => null,
        };

        if (result is null)
        {
            return verb == ReminderVerbs.Skip
                ? ReminderCards.Message("A reason is needed", "Skipping a SOC task needs a reason. Nothing was recorded; open the card's \"Skip\" again.")
                : ReminderCards.Message("Unknown action", $"I don't know the action '{verb}'. Nothing was recorded.");
        }

        Log.Applied(logger, verb, record.OccurrenceKey, result.Outcome.ToString());
        return result.Card;
    }

    private static InvokeResponse CardResponse(AdaptiveCard card) => new(200, JsonElements.From(
        new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = AdaptiveCardSchema.ContentType,
            ["value"] = JsonNode.Parse(card.ToJson()),
        }));

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
    }
}
