using System.Globalization;
using System.Security.Cryptography;
using SocBot.Catalog;
using SocBot.Protocol.Connector;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.AdHoc;

/// <summary>
/// Starts an on-demand occurrence of an as-needed task: claims it in the store under a fresh ad-hoc key and posts its
/// reminder card to the team's channel the way the reminder pass would, so it is completed, skipped and escalated like
/// any other.
/// </summary>
public sealed partial class AdHocRunner(
    OccurrenceSchedule schedule,
    ISocStateStore store,
    ChannelDirectory directory,
    ReminderViewFactory views,
    ReminderPoster poster,
    TimeProvider time,
    ILogger<AdHocRunner> logger)
{
    /// <exception cref="ArgumentException">The task is not startable on demand, or the team does not run it.</exception>
    public async Task<AdHocRun> RunAsync(string tenantId, MaintenanceTask task, string teamId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var occurrence = schedule.StartOnDemand(task.Id, teamId, NewId(now), now);
        var target = await directory.ResolveAsync(tenantId, teamId, cancellationToken);
        if (target is null)
        {
            return new AdHocRun(AdHocRunOutcome.NoChannel, occurrence, null, null);
        }

        var key = occurrence.Key.ToString();
        var claim = await store.ClaimOccurrenceAsync(
            new OccurrenceClaim(tenantId, key, teamId, task.Id, occurrence.Key.Period, occurrence.DueAt, Guid.NewGuid()),
            cancellationToken);
        if (!claim.Claimed)
        {
            throw new InvalidOperationException($"The fresh ad-hoc key {key} was already claimed.");
        }

        var card = ReminderCards.Reminder(views.ForOccurrence(tenantId, occurrence, postedLate: false, target.UnboundTeamName), now);
        try
        {
            var posted = await poster.PostAsync(target, card, cancellationToken);
            await store.RecordPostedAsync(tenantId, teamId, key, posted.ConversationId, posted.ActivityId, cancellationToken);
            Log.Started(logger, key, target.ChannelId);
            return new AdHocRun(AdHocRunOutcome.Posted, occurrence, target, posted);
        }
        catch (Exception e) when (e is ConnectorException or ConnectorPacingException or UntrustedServiceUrlException or HttpRequestException)
        {
            Log.PostFailed(logger, e, key, target.ChannelId);
            return new AdHocRun(AdHocRunOutcome.PostFailed, occurrence, target, null);
        }
    }

    /// <summary>Sortable by start minute, and random after it so two runs in the same minute never share a key.</summary>
    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMddHHmm}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "On-demand occurrence {OccurrenceKey} posted to {ChannelId}")]
        public static partial void Started(ILogger logger, string occurrenceKey, string channelId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "On-demand occurrence {OccurrenceKey} is claimed but its card could not be posted to {ChannelId}")]
        public static partial void PostFailed(ILogger logger, Exception exception, string occurrenceKey, string channelId);
    }
}
