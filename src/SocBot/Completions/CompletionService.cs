using SocBot.Cards;
using SocBot.Catalog;
using SocBot.Protocol.Schema;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Completions;

/// <summary>
/// Completes, skips and snoozes occurrences, from a card or from text, and shows the result to everyone: the store
/// decides exactly once who resolved it, then the posted card (a single reminder, or the digest it is part of) is
/// replaced in the channel through <see cref="CardUpdateQueue"/>, at the service URL the turn came from. The click waits
/// for the replacement a short budget, so it is answered well within Teams' 5 s; past it, the worker finishes it.
/// </summary>
public sealed partial class CompletionService(
    ISocStateStore store,
    ICatalogSource catalogSource,
    PostedCardRenderer cards,
    CardUpdateQueue updates,
    TimeProvider time,
    ILogger<CompletionService> logger)
{
    private static readonly TimeSpan PublishBudget = TimeSpan.FromSeconds(1.5);

    public async Task<CompletionResult> CompleteAsync(OccurrenceRecord record, CardScope? postedIn, Uri serviceUrl, Actor by, string? note, string? evidence, CancellationToken cancellationToken)
    {
        var result = await store.CompleteAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, Trim(note, 1000), Trim(evidence, 500), cancellationToken);
        return await FinishAsync(record, postedIn, serviceUrl, result, cancellationToken);
    }

    public async Task<CompletionResult> SkipAsync(OccurrenceRecord record, CardScope? postedIn, Uri serviceUrl, Actor by, string reason, CancellationToken cancellationToken)
    {
        var result = await store.SkipAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, Trim(reason, 500)!, cancellationToken);
        return await FinishAsync(record, postedIn, serviceUrl, result, cancellationToken);
    }

    /// <summary>Snoozes for an hour, or until the reminder time of the team's next day.</summary>
    public async Task<CompletionResult> SnoozeAsync(OccurrenceRecord record, CardScope? postedIn, Uri serviceUrl, Actor by, bool untilTomorrow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = untilTomorrow ? NextReminderTime(record.TeamId, now) : now.AddHours(1);
        var result = await store.SnoozeAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, until, cancellationToken);
        return await FinishAsync(record, postedIn, serviceUrl, result, cancellationToken);
    }

    /// <summary>The card that shows the occurrence now: its reminder, or the digest it was posted in.</summary>
    public Task<AdaptiveCard> CurrentCardAsync(OccurrenceRecord record, CardScope? postedIn, CancellationToken cancellationToken) =>
        cards.CurrentCardAsync(record, postedIn, cancellationToken);

    private async Task<CompletionResult> FinishAsync(OccurrenceRecord original, CardScope? postedIn, Uri serviceUrl, OccurrenceUpdateResult result, CancellationToken cancellationToken)
    {
        var record = result.Occurrence ?? original;
        Telemetry.SocBotMetrics.Completed(result.Outcome);
        var card = ReminderPoster.CardActivity(await CurrentCardAsync(record, postedIn, cancellationToken));
        if (result.Outcome == OccurrenceUpdateOutcome.Applied)
        {
            await PublishAsync(record, serviceUrl, card);
        }

        return new CompletionResult(result.Outcome, record, card);
    }

    private async Task PublishAsync(OccurrenceRecord record, Uri serviceUrl, OutgoingActivity card)
    {
        if (record is not { ConversationId: { } conversationId, ActivityId: { } activityId })
        {
            return;
        }

        if (!updates.TryEnqueue(new CardUpdate(record.OccurrenceKey, serviceUrl, record.TenantId, conversationId, activityId, card), out var applied))
        {
            Log.UpdateRefused(logger, record.OccurrenceKey);
            return;
        }

        using var budget = new CancellationTokenSource();
        var finished = await Task.WhenAny(applied, Task.Delay(PublishBudget, time, budget.Token));
        await budget.CancelAsync();
        if (finished != applied)
        {
            Log.UpdateContinues(logger, record.OccurrenceKey);
        }
    }

    private DateTimeOffset NextReminderTime(string teamId, DateTimeOffset now)
    {
        var settings = catalogSource.Current.Settings.For(teamId);
        var local = TimeZoneInfo.ConvertTime(now, settings.TimeZone);
        var tomorrow = DateOnly.FromDateTime(local.DateTime).AddDays(1).ToDateTime(settings.ReminderTime);
        return new DateTimeOffset(tomorrow, settings.TimeZone.GetUtcOffset(tomorrow));
    }

    private static string? Trim(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Updating the card of {OccurrenceKey} continues in the background")]
        public static partial void UpdateContinues(ILogger logger, string occurrenceKey);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The card update queue is full or closed: the posted card of {OccurrenceKey} is not updated; viewers see it on refresh")]
        public static partial void UpdateRefused(ILogger logger, string occurrenceKey);
    }
}
