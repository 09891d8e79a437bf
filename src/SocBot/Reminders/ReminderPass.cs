using Microsoft.Extensions.Options;
using SocBot.Protocol.Connector;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// One reminder pass: every occurrence whose reminder time has come (within the catch-up horizon) is claimed by a
/// conditional insert and posted to its team's channel, once, whatever the number of passes, restarts or instances.
/// Overdue work is then advanced through its escalation stages, and the heartbeat moves forward.
/// </summary>
public sealed partial class ReminderPass(
    OccurrenceSchedule schedule,
    ISocStateStore store,
    ChannelDirectory directory,
    ReminderViewFactory views,
    ReminderPoster poster,
    LiveReminderData live,
    IPostedCardFinder finder,
    OverdueEscalator escalator,
    IOptions<ReminderOptions> options,
    ILogger<ReminderPass> logger)
{
    private static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<ReminderPassReport> RunAsync(DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var started = Telemetry.SocBotMetrics.StartTiming();
        var settings = options.Value;
        var due = schedule.List(now - settings.CatchUpHorizon, now.AddTicks(1));
        var tenants = await store.ListTenantsAsync(cancellationToken);

        // Teams budgets each tenant apart, so tenants go out side by side; within one, channels keep their order and pacing.
        var byTenant = new List<ReminderPassItem>[tenants.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tenants.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.TenantConcurrency, CancellationToken = cancellationToken },
            async (t, token) => byTenant[t] = await RunTenantAsync(tenants[t], due, now, dryRun, token));
        var items = byTenant.SelectMany(i => i).ToList();

        if (!dryRun)
        {
            await store.RecordHeartbeatAsync(new Heartbeat(now, Instance), cancellationToken);
        }

        Log.PassCompleted(
            logger, now, items.Count(i => i.Outcome is ReminderOutcome.Posted or ReminderOutcome.PostedAgain), items.Count(i => i.Outcome == ReminderOutcome.Failed),
            items.Count(i => i.Outcome == ReminderOutcome.PossiblyPosted), items.Count(i => i.Outcome == ReminderOutcome.PostedAgain), items.Count(i => i.Outcome == ReminderOutcome.Deferred), dryRun);
        return Telemetry.SocBotMetrics.PassCompleted(new ReminderPassReport(now, dryRun, items), started);
    }

    /// <summary>
    /// One tenant's reminders and overdue work. Whatever goes wrong in it (its store rows, its channels) is logged and
    /// left to the next pass; the other tenants and the heartbeat still run. What it had done before stays in the report.
    /// </summary>
    private async Task<List<ReminderPassItem>> RunTenantAsync(string tenantId, IReadOnlyList<Occurrence> due, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId });
        var items = new List<ReminderPassItem>();
        try
        {
            await PostDueAsync(tenantId, due, now, dryRun, items, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TenantFailed(logger, e, tenantId);
        }

        if (!dryRun)
        {
            await EscalateAsync(tenantId, now, cancellationToken);
        }

        return items;
    }

    private async Task PostDueAsync(string tenantId, IReadOnlyList<Occurrence> due, DateTimeOffset now, bool dryRun, List<ReminderPassItem> items, CancellationToken cancellationToken)
    {
        var pending = await FindPendingAsync(tenantId, due, items, cancellationToken);
        var deferred = false;
        foreach (var channel in pending.GroupBy(p => p.Target.ChannelId))
        {
            if (deferred)
            {
                items.AddRange(channel.Select(p => Item(p, ReminderOutcome.Deferred, now, false, "the tenant's connector budget is spent; the next pass posts it")));
                continue;
            }

            var posted = dryRun
                ? channel.Select(p => Item(p, ReminderOutcome.WouldPost, now, inDigest: false, p.Target.ChannelTitle)).ToList()
                : await PostChannelAsync(channel.ToList(), now, cancellationToken);
            items.AddRange(posted);
            deferred = posted.Any(i => i.Outcome == ReminderOutcome.Deferred);
        }

        if (deferred)
        {
            Log.TenantDeferred(logger, tenantId, items.Count(i => i.Outcome == ReminderOutcome.Deferred));
        }
    }

    /// <summary>Overdue work of one tenant; whatever goes wrong there, the other tenants and the heartbeat still run.</summary>
    private async Task EscalateAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await escalator.RunAsync(tenantId, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.EscalationFailed(logger, e, tenantId);
        }
    }

    private async Task<List<Pending>> FindPendingAsync(string tenantId, IReadOnlyList<Occurrence> due, List<ReminderPassItem> items, CancellationToken cancellationToken)
    {
        var pending = new List<Pending>();
        foreach (var occurrence in due)
        {
            var key = occurrence.Key.ToString();
            var existing = await store.GetOccurrenceAsync(tenantId, occurrence.TeamId, key, cancellationToken);
            if (existing is not null && (existing.IsPosted || existing.IsResolved))
            {
                items.Add(new ReminderPassItem(tenantId, key, occurrence.TeamId, ReminderOutcome.AlreadyClaimed, existing.ConversationId, false, false, null));
                continue;
            }

            var target = await directory.ResolveAsync(tenantId, occurrence.TeamId, cancellationToken);
            if (target is null)
            {
                items.Add(new ReminderPassItem(tenantId, key, occurrence.TeamId, ReminderOutcome.NoChannel, null, false, false, "no channel bound and no SOC Oversight channel reachable"));
                continue;
            }

            pending.Add(new Pending(tenantId, occurrence, target, existing));
        }

        return pending;
    }

    private async Task<List<ReminderPassItem>> PostChannelAsync(List<Pending> channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<ReminderPassItem>();
        var claimed = new List<Pending>();
        foreach (var pending in channel)
        {
            if (await ClaimAsync(pending, now, cancellationToken))
            {
                claimed.Add(pending);
            }
            else
            {
                items.Add(Item(pending, ReminderOutcome.AlreadyClaimed, now, false, null));
            }
        }

        claimed = await RecordFoundAsync(claimed, now, items, cancellationToken);
        if (claimed.Count == 0)
        {
            return items;
        }

        // Due first, then by key: the order PostedCardRenderer rebuilds a digest in, so a click never reshuffles it.
        claimed = claimed.OrderBy(p => p.Occurrence.DueAt).ThenBy(p => p.Occurrence.Key.ToString(), StringComparer.Ordinal).ToList();
        var target = claimed[0].Target;
        var digest = options.Value.UsesDigest(claimed[0].Occurrence.TeamId, claimed.Count);
        var batches = digest
            ? claimed.Chunk(ReminderCards.MaxDigestRows).Select(c => c.ToList()).ToList()
            : claimed.Select(p => new List<Pending> { p }).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            var again = batch.Any(p => p.PostsAgain);
            var cards = batch.Select(p => views.ForOccurrence(p.TenantId, p.Occurrence, IsLate(p, now), p.Target.UnboundTeamName) with { PostedAgain = p.PostsAgain }).ToList();
            var card = digest
                ? ReminderCards.Digest(cards, now)
                : ReminderCards.Reminder(await live.AddToAsync(cards[0], cancellationToken), now);
            var where = digest ? $"\"{ReminderCards.DigestHeading(cards)}\"" : target.ChannelTitle;
            try
            {
                foreach (var pending in batch.Where(p => p.PostsAgain))
                {
                    await NoteAttemptAsync(pending, PostAttempt.PostingAgain, "the first post may have reached Teams; posting once more, marked as posted again", cancellationToken);
                }

                var posted = await poster.PostAsync(target, card, cancellationToken);
                foreach (var pending in batch)
                {
                    await store.RecordPostedAsync(pending.TenantId, pending.Occurrence.TeamId, pending.Occurrence.Key.ToString(), posted.ConversationId, posted.ActivityId, cancellationToken);
                    items.Add(Item(pending, pending.PostsAgain ? ReminderOutcome.PostedAgain : ReminderOutcome.Posted, now, digest, where));
                }

                if (again)
                {
                    Log.PostedAgain(logger, target.ChannelId, batch.Count(p => p.PostsAgain));
                }
            }
            catch (ConnectorPacingException e)
            {
                Log.PostDeferred(logger, target.ChannelId, e.Wait);
                foreach (var pending in batches.Skip(b).SelectMany(x => x))
                {
                    await NoteAttemptAsync(pending, PostAttempt.Deferred, e.Message, cancellationToken);
                    items.Add(Item(pending, ReminderOutcome.Deferred, now, digest, e.Message));
                }

                break;
            }
            catch (ConnectorException e) when (e.MayHaveBeenDelivered)
            {
                Log.PossiblyPosted(logger, e, target.ChannelId);
                foreach (var pending in batch)
                {
                    await NoteAttemptAsync(pending, PostAttempt.MayHaveBeenDelivered, e.Message, cancellationToken);
                    items.Add(Item(pending, ReminderOutcome.PossiblyPosted, now, digest, e.Message));
                }
            }
            catch (Exception e) when (e is ConnectorException or UntrustedServiceUrlException or HttpRequestException)
            {
                Log.PostFailed(logger, e, target.ChannelId);
                foreach (var pending in batch)
                {
                    await NoteAttemptAsync(pending, PostAttempt.NotDelivered, e.Message, cancellationToken);
                    items.Add(Item(pending, ReminderOutcome.Failed, now, digest, e.Message));
                }
            }
        }

        return items;
    }

    /// <summary>
    /// Take-overs whose first post may have reached Teams look for it in the channel first; a card found there is recorded
    /// as posted and not posted again. The rest are returned to be posted.
    /// </summary>
    private async Task<List<Pending>> RecordFoundAsync(List<Pending> claimed, DateTimeOffset now, List<ReminderPassItem> items, CancellationToken cancellationToken)
    {
        var toPost = new List<Pending>();
        foreach (var pending in claimed)
        {
            var key = pending.Occurrence.Key.ToString();
            var found = pending.PostsAgain ? await finder.FindAsync(pending.Target, pending.Occurrence.TeamId, key, cancellationToken) : null;
            if (found is null)
            {
                toPost.Add(pending);
                continue;
            }

            await NoteAttemptAsync(pending, PostAttempt.FoundPosted, $"the first post reached Teams: {found.ConversationId} {found.ActivityId}", cancellationToken);
            await store.RecordPostedAsync(pending.TenantId, pending.Occurrence.TeamId, key, found.ConversationId, found.ActivityId, cancellationToken);
            items.Add(Item(pending, ReminderOutcome.FoundPosted, now, false, pending.Target.ChannelTitle));
        }

        return toPost;
    }

    private async Task<bool> ClaimAsync(Pending pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var occurrence = pending.Occurrence;
        var key = occurrence.Key.ToString();
        if (pending.Existing is { } stale)
        {
            var takeOver = await store.TakeOverClaimAsync(pending.TenantId, occurrence.TeamId, key, stale.ClaimId, Guid.NewGuid(), options.Value.StaleClaimAfter, cancellationToken);
            pending.ClaimId = takeOver.Occurrence.ClaimId;
            return takeOver.Claimed;
        }

        var claim = new OccurrenceClaim(pending.TenantId, key, occurrence.TeamId, occurrence.Task.Id, occurrence.Key.Period, occurrence.DueAt, Guid.NewGuid());
        var result = await store.ClaimOccurrenceAsync(claim, cancellationToken);
        pending.ClaimId = result.Occurrence.ClaimId;
        return result.Claimed;
    }

    private Task NoteAttemptAsync(Pending pending, PostAttempt attempt, string detail, CancellationToken cancellationToken) =>
        store.RecordPostAttemptAsync(pending.TenantId, pending.Occurrence.TeamId, pending.Occurrence.Key.ToString(), pending.ClaimId, attempt, detail, cancellationToken);

    private bool IsLate(Pending pending, DateTimeOffset now) => now - pending.Occurrence.RemindAt > options.Value.LateAfter;

    private ReminderPassItem Item(Pending pending, ReminderOutcome outcome, DateTimeOffset now, bool inDigest, string? detail) =>
        new(pending.TenantId, pending.Occurrence.Key.ToString(), pending.Occurrence.TeamId, outcome, pending.Target.ChannelId, IsLate(pending, now), inDigest, detail);

    private sealed record Pending(string TenantId, Occurrence Occurrence, ReminderTarget Target, OccurrenceRecord? Existing)
    {
        /// <summary>The claim this pass holds once it has claimed the occurrence.</summary>
        public Guid ClaimId { get; set; }

        /// <summary>
        /// Taking over a claim whose post may have reached Teams (it timed out, got 502/504, or the pass died mid-post):
        /// unless the channel can be read back and shows it, the card goes out once more, marked as posted again.
        /// </summary>
        public bool PostsAgain => Existing is { } earlier && earlier.LastPostAttempt is not (PostAttempt.NotDelivered or PostAttempt.Deferred);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Reminder pass at {At}: {Posted} posted ({PostedAgain} of them again after an interruption), {Failed} failed, {PossiblyPosted} possibly posted, {Deferred} deferred (dry run: {DryRun})")]
        public static partial void PassCompleted(ILogger logger, DateTimeOffset at, int posted, int failed, int possiblyPosted, int postedAgain, int deferred, bool dryRun);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Posting reminders to channel {ChannelId} may have reached Teams (timeout or gateway error); recorded as possibly posted, not retried")]
        public static partial void PossiblyPosted(ILogger logger, Exception exception, string channelId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId}: {Count} reminders whose first post may have reached Teams were posted again, marked so")]
        public static partial void PostedAgain(ILogger logger, string channelId, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: the next connector turn is {Wait} away; the rest waits for the next pass")]
        public static partial void PostDeferred(ILogger logger, string channelId, TimeSpan wait);

        [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: {Count} reminders deferred to the next pass by pacing")]
        public static partial void TenantDeferred(ILogger logger, string tenantId, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Posting the due reminders of tenant {TenantId} failed; the other tenants go on and a later pass retries")]
        public static partial void TenantFailed(ILogger logger, Exception exception, string tenantId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Advancing overdue work of tenant {TenantId} failed; a later pass retries")]
        public static partial void EscalationFailed(ILogger logger, Exception exception, string tenantId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Posting reminders to channel {ChannelId} failed; a later pass retries")]
        public static partial void PostFailed(ILogger logger, Exception exception, string channelId);
    }
}
