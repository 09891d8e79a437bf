using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Protocol.Connector;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// Walks unresolved occurrences past their due time through the escalation stages: the card turns "Overdue" at the due
/// time; after a grace period one reply in the card's thread names what is overdue and mentions the owning team's
/// contacts (one reply per card, however many of a digest's rows it lists); after a second period one summary card per
/// escalation team (SOC Oversight by default) lists what is overdue, by owner. A stage is recorded only once Teams has
/// accepted its message; while the message goes out the occurrence is held, so two instances never send it twice, and a
/// failed message leaves the stage for the next pass without holding up the rest of this one. Completed and skipped work
/// never escalates; snoozed work waits for its snooze to end.
/// </summary>
public sealed partial class OverdueEscalator(
    ISocStateStore store,
    ICatalogSource catalogSource,
    ChannelDirectory directory,
    ReminderViewFactory views,
    PostedCardRenderer cards,
    ReminderPoster poster,
    IOptions<ReminderOptions> options,
    ILogger<OverdueEscalator> logger)
{
    /// <summary>Longer than a message takes with the connector's retries; a holder that crashed is taken over after it.</summary>
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(10);

    public async Task RunAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var settings = options.Value;
        var refreshed = new HashSet<string>(StringComparer.Ordinal);
        var toNudge = new List<OccurrenceRecord>();
        var toEscalate = new List<OccurrenceRecord>();
        foreach (var team in catalog.Teams)
        {
            var open = (await store.ListTeamOccurrencesAsync(tenantId, team.Id, now - settings.OverdueLookback, now.AddTicks(1), cancellationToken))
                .Where(r => !r.IsResolved);
            foreach (var record in open)
            {
                var task = catalog.FindTask(record.TaskId);
                var period = task?.Cadence.Period ?? CadencePeriod.None;
                var nudgeAt = record.DueAt + settings.NudgeAfterDue.GetValueOrDefault(period, TimeSpan.FromHours(4));
                var escalateAt = nudgeAt + settings.EscalateAfterNudge.GetValueOrDefault(period, TimeSpan.FromHours(24));
                if (record.State == OccurrenceState.Snoozed)
                {
                    await DeliverAsync(record.OccurrenceKey, () => WakeAsync(record, now, refreshed, cancellationToken));
                    continue;
                }

                switch (record.EscalationStage)
                {
                    case EscalationStage.None when now >= record.DueAt:
                        await DeliverAsync(record.OccurrenceKey, () => MarkOverdueAsync(record, refreshed, cancellationToken));
                        break;
                    case EscalationStage.MarkedOverdue when now >= nudgeAt:
                        toNudge.Add(record);
                        break;
                    case EscalationStage.ContactsNudged when now >= escalateAt:
                        toEscalate.Add(record);
                        break;
                }
            }
        }

        // Rows of one digest share the card's activity: one reply in its thread lists them all.
        foreach (var thread in toNudge.GroupBy(r => r.ActivityId is null ? "unposted:" + r.OccurrenceKey : r.ConversationId + "|" + r.ActivityId))
        {
            var records = thread.ToList();
            await DeliverAsync(records[0].OccurrenceKey, () => NudgeAsync(records, now, cancellationToken));
        }

        foreach (var group in toEscalate.GroupBy(r => catalog.FindTask(r.TaskId)?.EscalationTeamId ?? CatalogLoader.DefaultEscalationTeamId))
        {
            var records = group.ToList();
            await DeliverAsync(group.Key, () => EscalateAsync(tenantId, group.Key, records, now, cancellationToken));
        }
    }

    /// <summary>Reopens work whose snooze is over and says so in its thread; the card shows it open again.</summary>
    private async Task WakeAsync(OccurrenceRecord record, DateTimeOffset now, HashSet<string> refreshed, CancellationToken cancellationToken)
    {
        if (record.SnoozedUntil > now)
        {
            return;
        }

        var woken = await store.EndSnoozeAsync(record.TenantId, record.TeamId, record.OccurrenceKey, cancellationToken);
        if (woken.Outcome == OccurrenceUpdateOutcome.Applied && woken.Occurrence is { ConversationId: { } conversationId } open
            && await directory.PostedServiceUrlAsync(open, cancellationToken) is { } serviceUrl)
        {
            await poster.ReplyAsync(serviceUrl, record.TenantId, conversationId, $"The snooze is over: **{views.ForRecord(open).TaskTitle}** is still open.", cancellationToken);
            await RefreshCardAsync(open, refreshed, cancellationToken);
        }
    }

    /// <summary>Turns the card to "Overdue" (a digest once for all its rows), then records the stage.</summary>
    private async Task MarkOverdueAsync(OccurrenceRecord record, HashSet<string> refreshed, CancellationToken cancellationToken)
    {
        await RefreshCardAsync(record, refreshed, cancellationToken);
        await store.AdvanceEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, EscalationStage.None, EscalationStage.MarkedOverdue, "card marked overdue", cancellationToken);
    }

    /// <summary>One reply in the card's thread naming each overdue row and mentioning the owners' contacts.</summary>
    private async Task NudgeAsync(IReadOnlyList<OccurrenceRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var posted = records[0];
        if (posted.ConversationId is null)
        {
            // Never posted (no reachable channel): there is no thread to nudge in, and the escalation summary will list it.
            await AdvanceAllAsync(records, EscalationStage.MarkedOverdue, EscalationStage.ContactsNudged, "not posted, so no thread to nudge in", cancellationToken);
            return;
        }

        var serviceUrl = await directory.PostedServiceUrlAsync(posted, cancellationToken);
        if (serviceUrl is null)
        {
            Log.NoReachableThread(logger, posted.OccurrenceKey);
            return;
        }

        await WithHoldAsync(records, EscalationStage.MarkedOverdue, async held =>
        {
            var overdue = held.Select(Overdue).ToList();
            await poster.ReplyAsync(serviceUrl, posted.TenantId, posted.ConversationId, EscalationCards.Nudge(overdue, now), cancellationToken);
            var mentioned = overdue.SelectMany(o => o.Contacts).Where(c => c.MentionId is not null).Select(c => c.Name).Distinct().ToList();
            var detail = mentioned.Count == 0 ? "nudged in the card's thread, no contacts to mention" : $"nudged in the card's thread, mentioning {string.Join(", ", mentioned)}";
            await AdvanceAllAsync(held, EscalationStage.MarkedOverdue, EscalationStage.ContactsNudged, detail, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>One summary card in the escalation team's channel for everything that escalates to it in this pass.</summary>
    private async Task EscalateAsync(string tenantId, string escalationTeamId, IReadOnlyList<OccurrenceRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = await directory.ResolveAsync(tenantId, escalationTeamId, cancellationToken);
        if (target is null)
        {
            Log.NoEscalationChannel(logger, escalationTeamId, records.Count);
            return;
        }

        await WithHoldAsync(records, EscalationStage.ContactsNudged, async held =>
        {
            await poster.PostAsync(target, EscalationCards.Summary(held.Select(Overdue).ToList(), now), cancellationToken);
            await AdvanceAllAsync(held, EscalationStage.ContactsNudged, EscalationStage.Escalated, $"escalated to {target.ChannelTitle}", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Holds each record at its stage, sends for those this caller holds, and lets go of them if the send fails, so the next
    /// pass tries again; the send records the next stage itself once Teams accepted it.
    /// </summary>
    private async Task WithHoldAsync(IReadOnlyList<OccurrenceRecord> records, int stage, Func<IReadOnlyList<OccurrenceRecord>, Task> send, CancellationToken cancellationToken)
    {
        var held = new List<OccurrenceRecord>();
        foreach (var record in records)
        {
            if (await store.HoldEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, stage, HoldFor, cancellationToken))
            {
                held.Add(record);
            }
        }

        if (held.Count == 0)
        {
            return;
        }

        try
        {
            await send(held);
        }
        catch (Exception e) when (IsDeliveryFailure(e))
        {
            foreach (var record in held)
            {
                await store.ReleaseEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, stage, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task AdvanceAllAsync(IEnumerable<OccurrenceRecord> records, int from, int to, string detail, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await store.AdvanceEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, from, to, detail, cancellationToken);
        }
    }

    /// <summary>Replaces the posted card (or its digest) with its current state, once per activity in a pass.</summary>
    private async Task RefreshCardAsync(OccurrenceRecord record, HashSet<string> refreshed, CancellationToken cancellationToken)
    {
        if (record is not { ConversationId: { } conversationId, ActivityId: { } activityId } || refreshed.Contains(activityId)
            || await directory.PostedServiceUrlAsync(record, cancellationToken) is not { } serviceUrl)
        {
            return;
        }

        var fresh = await store.GetOccurrenceAsync(record.TenantId, record.TeamId, record.OccurrenceKey, cancellationToken) ?? record;
        await poster.UpdateAsync(serviceUrl, record.TenantId, conversationId, activityId, await cards.CurrentCardAsync(fresh, null, cancellationToken), cancellationToken);
        refreshed.Add(activityId);
    }

    private OverdueTask Overdue(OccurrenceRecord record) => new(
        views.ForRecord(record),
        catalogSource.Current.FindTeam(record.TeamId)?.Contacts ?? [],
        PostedCardLink.To(record.TenantId, record.ConversationId, record.ActivityId));

    /// <summary>One stage of one card or summary failing to reach Teams is logged and left for the next pass; the rest go on.</summary>
    private async Task DeliverAsync(string subject, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (IsDeliveryFailure(e))
        {
            Log.DeliveryFailed(logger, e, subject);
        }
    }

    private static bool IsDeliveryFailure(Exception e) => e is ConnectorException or UntrustedServiceUrlException or HttpRequestException;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the overdue stage of {Subject} to Teams; the next pass tries again")]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string subject);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} overdue occurrences escalate to {TeamId}, which has no reachable channel; the next pass tries again")]
        public static partial void NoEscalationChannel(ILogger logger, string teamId, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The thread of {OccurrenceKey} has no stored conversation to reach it by; the next pass tries again")]
        public static partial void NoReachableThread(ILogger logger, string occurrenceKey);
    }
}
