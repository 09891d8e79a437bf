using SocBot.Access;
using SocBot.Catalog;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;
using SocBot.State;

namespace SocBot.Bindings;

/// <summary>
/// Which SOC teams a conversation is bound to, by the same rule reminders follow: a binding made with `link` wins, else
/// the channel fixed in the catalog.
/// </summary>
public sealed class ConversationTeams(ISocStateStore store, ICatalogSource catalogSource)
{
    public Task<ConversationScope> ForActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        ForChannelAsync(activity.GetTenantId() ?? string.Empty, AccessPolicy.ChannelOf(activity) ?? string.Empty, cancellationToken);

    public async Task<ConversationScope> ForChannelAsync(string tenantId, string channelId, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var bindings = (await store.ListChannelBindingsAsync(tenantId, cancellationToken)).ToDictionary(b => b.TeamId, StringComparer.OrdinalIgnoreCase);
        var bound = catalog.Teams
            .Where(team => (bindings.TryGetValue(team.Id, out var binding) ? binding.ConversationId : team.ChannelBinding?.ChannelId) == channelId)
            .ToList();
        return Scope(tenantId, bound, catalog);
    }

    /// <summary>The scope of one named team, wherever it is asked from; SOC Oversight's covers every team.</summary>
    public ConversationScope ForTeam(string tenantId, SocTeam team) =>
        Scope(tenantId, [team], catalogSource.Current);

    private static ConversationScope Scope(string tenantId, IReadOnlyList<SocTeam> bound, SocCatalog catalog)
    {
        var oversight = bound.Any(t => t.Id == CatalogLoader.DefaultEscalationTeamId);
        return new ConversationScope(tenantId, bound, oversight ? catalog.Teams : bound);
    }
}
