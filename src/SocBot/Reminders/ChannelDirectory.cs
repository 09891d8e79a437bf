using SocBot.Catalog;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// Where a SOC team's reminders go in a tenant: the channel bound with "link", else the one fixed in the catalog,
/// else SOC Oversight's channel with the card flagged. The service URL comes from the conversation reference stored
/// when the bot was installed there or spoken to; without one the bot cannot reach the channel yet.
/// </summary>
public sealed class ChannelDirectory(ISocStateStore store, ICatalogSource catalogSource)
{
    public async Task<ReminderTarget?> ResolveAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var own = await FindChannelAsync(tenantId, teamId, cancellationToken);
        if (own is not null)
        {
            return own;
        }

        var oversight = CatalogLoader.DefaultEscalationTeamId;
        if (teamId == oversight)
        {
            return null;
        }

        var standIn = await FindChannelAsync(tenantId, oversight, cancellationToken);
        var teamName = catalogSource.Current.FindTeam(teamId)?.DisplayName ?? teamId;
        return standIn is null ? null : standIn with { UnboundTeamName = teamName };
    }

    /// <summary>
    /// The service URL of the conversation an occurrence's card was posted in: the stored reference of its channel (the
    /// thread id without ";messageid=") or chat, else that of the team's channel now; null when neither is known.
    /// </summary>
    public async Task<Uri?> PostedServiceUrlAsync(OccurrenceRecord record, CancellationToken cancellationToken)
    {
        if (record.ConversationId is not { } conversationId)
        {
            return null;
        }

        var thread = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        var reference = await store.GetAsync(record.TenantId, thread < 0 ? conversationId : conversationId[..thread], cancellationToken);
        return reference?.ServiceUrl ?? (await ResolveAsync(record.TenantId, record.TeamId, cancellationToken))?.ServiceUrl;
    }

    private async Task<ReminderTarget?> FindChannelAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var team = catalogSource.Current.FindTeam(teamId);
        var binding = await store.GetChannelBindingAsync(tenantId, teamId, cancellationToken);
        var channelId = binding?.ConversationId ?? team?.ChannelBinding?.ChannelId;
        if (channelId is null)
        {
            return null;
        }

        var teamsTeamId = binding?.TeamsTeamId ?? team?.ChannelBinding?.TeamsTeamId;
        var reference = await store.GetAsync(tenantId, channelId, cancellationToken);
        if (reference is null && teamsTeamId is not null)
        {
            reference = (await store.ListAsync(tenantId, cancellationToken)).FirstOrDefault(r => r.TeamId == teamsTeamId);
        }

        return reference is null
            ? null
            : new ReminderTarget(tenantId, reference.ServiceUrl, channelId, reference.ConversationType == "channel", team?.DisplayName ?? teamId, null);
    }
}
