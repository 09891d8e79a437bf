namespace SocBot.Conversations;

/// <summary>Conversation references by tenant and conversation id; durable stores replace the in-memory one.</summary>
public interface IConversationReferenceStore
{
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes every reference of a team (the bot was uninstalled from it) or of one chat.</summary>
    Task RemoveAsync(string tenantId, string conversationOrTeamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
