using SocBot.Cards;
using SocBot.Catalog;
using SocBot.Protocol.Connector;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Completions;

/// <summary>
/// Completes, skips and snoozes occurrences, from a card or from text, and shows the result to everyone: the store
/// decides exactly once who resolved it, then the posted card (a single reminder, or the digest it is part of) is
/// replaced in the channel. The replacement is given a short budget so a click is answered well within Teams' 5 s;
/// past it, it finishes in the background.
/// </summary>
public sealed partial class CompletionService(
    ISocStateStore store,
    ICatalogSource catalogSource,
    ChannelDirectory directory,
    PostedCardRenderer cards,
    ReminderPoster poster,
    TimeProvider time,
    ILogger<CompletionService> logger)
{
    private static readonly TimeSpan PublishBudget = TimeSpan.FromSeconds(3);

    public async Task<CompletionResult> CompleteAsync(OccurrenceRecord record, Actor by, string? note, string? evidence, CancellationToken cancellationToken)
    {
        var result = await store.CompleteAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, Trim(note, 1000), Trim(evidence, 500), cancellationToken);
        return await FinishAsync(record, result, cancellationToken);
    }

    public async Task<CompletionResult> SkipAsync(OccurrenceRecord record, Actor by, string reason, CancellationToken cancellationToken)
    {
        var result = await store.SkipAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, Trim(reason, 500)!, cancellationToken);
        return await FinishAsync(record, result, cancellationToken);
    }

    /// <summary>Snoozes for an hour, or until the reminder time of the team's next day.</summary>
    public async Task<CompletionResult> SnoozeAsync(OccurrenceRecord record, Actor by, bool untilTomorrow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = untilTomorrow ? NextReminderTime(record.TeamId, now) : now.AddHours(1);
        var result = await store.SnoozeAsync(record.TenantId, record.TeamId, record.OccurrenceKey, by, until, cancellationToken);
        return await FinishAsync(record, result, cancellationToken);
    }

    /// <summary>The card that shows the occurrence now: its reminder, or the digest it was posted in.</summary>
    public Task<AdaptiveCard> CurrentCardAsync(OccurrenceRecord record, CancellationToken cancellationToken) =>
        cards.CurrentCardAsync(record, cancellationToken);

    private async Task<CompletionResult> FinishAsync(OccurrenceRecord original, OccurrenceUpdateResult result, CancellationToken cancellationToken)
    {
        var record = result.Occurrence ?? original;
        Telemetry.SocBotMetrics.Completed(result.Outcome);
        var card = await CurrentCardAsync(record, cancellationToken);
        if (result.Outcome == OccurrenceUpdateOutcome.Applied)
        {
            await PublishAsync(record, card);
        }

        return new CompletionResult(result.Outcome, record, card);
    }

    private async Task PublishAsync(OccurrenceRecord record, AdaptiveCard card)
    {
        if (record is not { ConversationId: { } conversationId, ActivityId: { } activityId })
        {
            return;
        }

        var update = UpdatePostedAsync(record, conversationId, activityId, card);
        var finished = await Task.WhenAny(update, Task.Delay(PublishBudget, time));
        if (finished != update)
        {
            Log.UpdateContinues(logger, record.OccurrenceKey);
        }
    }

    private async Task UpdatePostedAsync(OccurrenceRecord record, string conversationId, string activityId, AdaptiveCard card)
    {
        try
        {
            var target = await directory.ResolveAsync(record.TenantId, record.TeamId, CancellationToken.None);
            if (target is not null)
            {
                await poster.UpdateAsync(target.ServiceUrl, record.TenantId, conversationId, activityId, card, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is ConnectorException or ConnectorPacingException or UntrustedServiceUrlException or HttpRequestException)
        {
            Log.UpdateFailed(logger, e, record.OccurrenceKey);
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

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the posted card of {OccurrenceKey}; viewers see it on refresh")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, string occurrenceKey);
    }
}
