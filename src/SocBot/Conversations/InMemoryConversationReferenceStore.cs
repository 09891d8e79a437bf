using System.Collections.Concurrent;

namespace SocBot.Conversations;

public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), ConversationReference> _references = new();

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _references[(reference.TenantId, reference.ConversationId)] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault((tenantId, conversationId)));

    public Task RemoveAsync(string tenantId, string conversationOrTeamId, CancellationToken cancellationToken)
    {
        foreach (var (key, reference) in _references)
        {
            if (key.Tenant == tenantId && (key.Conversation == conversationOrTeamId || reference.TeamId == conversationOrTeamId))
            {
                _references.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationReference>>(
            _references.Values.Where(r => r.TenantId == tenantId).OrderBy(r => r.ConversationId, StringComparer.Ordinal).ToList());
}
