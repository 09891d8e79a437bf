namespace SocBot.Reminders;

/// <summary>One occurrence's fate in a pass.</summary>
/// <param name="Detail">For people: the channel, why it was skipped, or the error.</param>
public sealed record ReminderPassItem(string TenantId, string OccurrenceKey, string TeamId, ReminderOutcome Outcome, string? ChannelId, bool Late, bool InDigest, string? Detail);
