namespace SocBot.Conversations;

/// <summary>
/// Where the bot can post without being spoken to first: learned when it is installed in a team or chat.
/// The service URL comes from an authenticated activity and is the only place outbound calls for this conversation go.
/// </summary>
public sealed record ConversationReference(
    string TenantId,
    string ConversationId,
    string ConversationType,
    Uri ServiceUrl,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? ChannelName,
    string BotId,
    DateTimeOffset UpdatedAt);
