using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Cards;
using SocBot.Protocol;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// Walks unresolved occurrences past their due time through the escalation stages: the card turns "Overdue" at the due
/// time; after a grace period the team's contacts are mentioned in the card's thread; after a second period one summary
/// card per escalation team (SOC Oversight by default) lists what is overdue, with owner and age. Each stage advances by
/// a compare-and-set on the stored stage, so two instances never do one twice. Completed and skipped work never escalates;
/// snoozed work waits for its snooze to end.
/// </summary>
public sealed partial class OverdueEscalator(
    ISocStateStore store,
    ICatalogSource catalogSource,
    ChannelDirectory directory,
    ReminderViewFactory views,
    PostedCardRenderer cards,
    ReminderPoster poster,
    ConnectorClient connector,
    IOptions<ReminderOptions> options,
    ILogger<OverdueEscalator> logger)
{
    public async Task RunAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var settings = options.Value;
        var escalations = new List<(OccurrenceRecord Record, string EscalationTeamId)>();
        var refreshed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var team in catalog.Teams)
        {
            var open = (await store.ListTeamOccurrencesAsync(tenantId, team.Id, now - settings.OverdueLookback, now.AddTicks(1), cancellationToken))
                .Where(r => !r.IsResolved)
                .ToList();
            foreach (var record in open)
            {
                var escalateTo = await AdvanceAsync(record, now, catalog, refreshed, cancellationToken);
                if (escalateTo is not null)
                {
                    escalations.Add((record, escalateTo));
                }
            }
        }

        foreach (var group in escalations.GroupBy(e => e.EscalationTeamId))
        {
            await PostSummaryAsync(tenantId, group.Key, group.Select(g => g.Record).ToList(), now, cancellationToken);
        }
    }

    /// <summary>Moves one occurrence on by at most one stage; returns its escalation team when this call escalated it.</summary>
    private async Task<string?> AdvanceAsync(OccurrenceRecord record, DateTimeOffset now, SocCatalog catalog, HashSet<string> refreshed, CancellationToken cancellationToken)
    {
        if (record.State == OccurrenceState.Snoozed)
        {
            if (record.SnoozedUntil > now)
            {
                return null;
            }

            var woken = await store.EndSnoozeAsync(record.TenantId, record.TeamId, record.OccurrenceKey, cancellationToken);
            if (woken.Outcome == OccurrenceUpdateOutcome.Applied && woken.Occurrence is { } open)
            {
                await ReplyInThreadAsync(open, $"The snooze is over: **{views.ForRecord(open).TaskTitle}** is still open.", [], cancellationToken);
                await RefreshCardAsync(open, refreshed, cancellationToken);
            }

            return null;
        }

        var task = catalog.FindTask(record.TaskId);
        var period = task?.Cadence.Period ?? CadencePeriod.None;
        var settings = options.Value;
        var nudgeAt = record.DueAt + settings.NudgeAfterDue.GetValueOrDefault(period, TimeSpan.FromHours(4));
        var escalateAt = nudgeAt + settings.EscalateAfterNudge.GetValueOrDefault(period, TimeSpan.FromHours(24));
        switch (record.EscalationStage)
        {
            case EscalationStage.None when now >= record.DueAt:
                if (await store.AdvanceEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, EscalationStage.None, EscalationStage.MarkedOverdue, "card marked overdue", cancellationToken))
                {
                    await RefreshCardAsync(record, refreshed, cancellationToken);
                }

                return null;

            case EscalationStage.MarkedOverdue when now >= nudgeAt:
                if (await store.AdvanceEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, EscalationStage.MarkedOverdue, EscalationStage.ContactsNudged, "team contacts mentioned", cancellationToken))
                {
                    var contacts = catalog.FindTeam(record.TeamId)?.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email)).ToList() ?? [];
                    var mentions = contacts.Select(c => TeamsMention.Of(c.Email!, c.Name)).ToList();
                    var who = mentions.Count == 0 ? "This task" : string.Join(", ", mentions.Select(m => m.Text)) + ": this task";
                    await ReplyInThreadAsync(record, $"{who} is overdue by {SocTime.Span(now - record.DueAt)}. Complete it or skip it with a reason on the card above.", mentions, cancellationToken);
                }

                return null;

            case EscalationStage.ContactsNudged when now >= escalateAt:
                var escalated = await store.AdvanceEscalationAsync(record.TenantId, record.TeamId, record.OccurrenceKey, EscalationStage.ContactsNudged, EscalationStage.Escalated, "escalated", cancellationToken);
                return escalated ? task?.EscalationTeamId ?? CatalogLoader.DefaultEscalationTeamId : null;

            default:
                return null;
        }
    }

    /// <summary>Replaces the posted card (or its digest) with its current state, once per activity in a pass.</summary>
    private async Task RefreshCardAsync(OccurrenceRecord record, HashSet<string> refreshed, CancellationToken cancellationToken)
    {
        if (record is not { ConversationId: { } conversationId, ActivityId: { } activityId } || !refreshed.Add(activityId))
        {
            return;
        }

        var target = await directory.ResolveAsync(record.TenantId, record.TeamId, cancellationToken);
        if (target is null)
        {
            return;
        }

        try
        {
            var fresh = await store.GetOccurrenceAsync(record.TenantId, record.TeamId, record.OccurrenceKey, cancellationToken) ?? record;
            await poster.UpdateAsync(target.ServiceUrl, record.TenantId, conversationId, activityId, await cards.CurrentCardAsync(fresh, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or ConnectorPacingException)
        {
            Log.UpdateFailed(logger, e, record.OccurrenceKey);
        }
    }

    private async Task ReplyInThreadAsync(OccurrenceRecord record, string text, IReadOnlyList<TeamsMention> mentions, CancellationToken cancellationToken)
    {
        if (record.ConversationId is not { } conversationId)
        {
            return;
        }

        var target = await directory.ResolveAsync(record.TenantId, record.TeamId, cancellationToken);
        if (target is null)
        {
            return;
        }

        var entities = mentions
            .Select(m => JsonElements.From(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = m.Text,
                ["mentioned"] = new JsonObject { ["id"] = m.Mentioned.Id, ["name"] = m.Mentioned.Name },
            }))
            .ToList();
        try
        {
            await connector.SendToConversationAsync(target.ServiceUrl, target.TenantId, conversationId, OutgoingActivity.FromText(text) with { Entities = entities }, cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or ConnectorPacingException)
        {
            Log.UpdateFailed(logger, e, record.OccurrenceKey);
        }
    }

    private async Task PostSummaryAsync(string tenantId, string escalationTeamId, IReadOnlyList<OccurrenceRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = await directory.ResolveAsync(tenantId, escalationTeamId, cancellationToken);
        if (target is null)
        {
            Log.NoEscalationChannel(logger, escalationTeamId, records.Count);
            return;
        }

        var card = EscalationCards.Summary(records.Select(views.ForRecord).ToList(), now);
        try
        {
            await poster.PostAsync(target, card, cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or ConnectorPacingException)
        {
            Log.UpdateFailed(logger, e, escalationTeamId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card or thread of {Subject}")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, string subject);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} overdue occurrences escalate to {TeamId}, which has no reachable channel")]
        public static partial void NoEscalationChannel(ILogger logger, string teamId, int count);
    }
}
