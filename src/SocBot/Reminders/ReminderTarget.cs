namespace SocBot.Reminders;

/// <summary>The conversation a team's reminders are posted to, and the service URL that reaches it.</summary>
/// <param name="ChannelId">A Teams channel's id, or the id of the chat bound instead of a channel.</param>
/// <param name="IsChannel">True for a Teams channel (each reminder starts a thread); false for a chat (reminders are messages in it).</param>
/// <param name="UnboundTeamName">Set when the team has no channel of its own and this is SOC Oversight's, standing in.</param>
public sealed record ReminderTarget(string TenantId, Uri ServiceUrl, string ChannelId, bool IsChannel, string ChannelTitle, string? UnboundTeamName);
