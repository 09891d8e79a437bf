using SocBot.Protocol.Schema;

namespace SocBot.Completions;

/// <summary>A posted card to replace for everyone in its conversation, with the activity already serialized.</summary>
public sealed record CardUpdate(string OccurrenceKey, Uri ServiceUrl, string TenantId, string ConversationId, string ActivityId, OutgoingActivity Activity);
