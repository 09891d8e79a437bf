namespace SocBot.Catalog;

/// <summary>A Teams channel fixed in the catalog for a SOC team's reminders.</summary>
/// <param name="ChannelId">The channel's conversation id, e.g. "19:abc@thread.tacv2".</param>
/// <param name="TeamsTeamId">The Microsoft Teams team (group) the channel belongs to, when known.</param>
public sealed record ChannelBinding(string ChannelId, string? TeamsTeamId);
