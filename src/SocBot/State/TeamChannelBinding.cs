namespace SocBot.State;

/// <summary>
/// The Teams channel a SOC team's reminders go to, bound at run time (the catalog may fix one too).
/// <paramref name="ConversationId"/> is the channel's conversation id, e.g. "19:abc@thread.tacv2".
/// </summary>
public sealed record TeamChannelBinding(
    string TenantId,
    string TeamId,
    string ConversationId,
    string? TeamsTeamId,
    string? ChannelName,
    Actor BoundBy,
    DateTimeOffset BoundAt);
