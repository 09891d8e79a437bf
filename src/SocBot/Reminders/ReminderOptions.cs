using SocBot.Catalog;

namespace SocBot.Reminders;

/// <summary>How the reminder passes behave (section "Reminders").</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Quartz cron of the pass; every minute by default.</summary>
    public string PassCron { get; set; } = "0 * * * * ?";

    /// <summary>Reminders missed while the bot was down are still posted, marked late, if their reminder time is this recent.</summary>
    public TimeSpan CatchUpHorizon { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A reminder posted this long after its reminder time is marked late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A claim with no posted card this old is taken to be abandoned (the instance died between claim and post) and is
    /// taken over by a later pass. Longer than a pass may spend posting.
    /// </summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How many tenants one pass posts to at the same time. Teams gives each tenant its own budget, so a pass over many
    /// tenants is bound by the store and the network rather than by the limits; within a tenant the channels go one by one.
    /// </summary>
    public int TenantConcurrency { get; set; } = 8;

    /// <summary>More than this many reminders due at once in one channel go out as one digest card.</summary>
    public int DigestThreshold { get; set; } = 3;

    /// <summary>Per SOC team id: false turns the digest off for that team's channel, true forces it for any count above one.</summary>
    public Dictionary<string, bool> DigestByTeam { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>After the due time: how long until the team's contacts are mentioned in the card's thread, per cadence.</summary>
    public Dictionary<CadencePeriod, TimeSpan> NudgeAfterDue { get; set; } = new()
    {
        [CadencePeriod.None] = TimeSpan.FromHours(4),
        [CadencePeriod.Daily] = TimeSpan.FromHours(2),
        [CadencePeriod.Weekly] = TimeSpan.FromHours(24),
        [CadencePeriod.Monthly] = TimeSpan.FromDays(2),
        [CadencePeriod.Quarterly] = TimeSpan.FromDays(3),
    };

    /// <summary>After the nudge: how long until the escalation team hears about it, per cadence.</summary>
    public Dictionary<CadencePeriod, TimeSpan> EscalateAfterNudge { get; set; } = new()
    {
        [CadencePeriod.None] = TimeSpan.FromHours(20),
        [CadencePeriod.Daily] = TimeSpan.FromHours(6),
        [CadencePeriod.Weekly] = TimeSpan.FromHours(24),
        [CadencePeriod.Monthly] = TimeSpan.FromDays(3),
        [CadencePeriod.Quarterly] = TimeSpan.FromDays(7),
    };

    /// <summary>Open occurrences due this long ago are still watched for escalation.</summary>
    public TimeSpan OverdueLookback { get; set; } = TimeSpan.FromDays(100);

    /// <summary>/healthz reports the scheduler stale when no pass completed for this long.</summary>
    public TimeSpan HeartbeatStaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    public bool UsesDigest(string teamId, int dueCount) =>
        DigestByTeam.TryGetValue(teamId, out var forced) ? forced && dueCount > 1 : dueCount > DigestThreshold;
}
