using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;
using SocBot.State;

namespace SocBot.Access;

/// <summary>
/// Who may do what. Binding channels is for admins (configured object ids) and people speaking in SOC Oversight's
/// channel. Acting on an occurrence is for people in the channel its card was posted to (they are the team), and admins.
/// </summary>
public sealed class AccessPolicy(IOptions<AccessOptions> options, ISocStateStore store, ICatalogSource catalogSource)
{
    /// <summary>Who sent an activity, as the store records people: the Entra object id (the channel id when Teams sends none) and the name.</summary>
    public static Actor ActorOf(Activity activity) =>
        new(activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown", activity.From?.Name ?? "someone");

    public bool IsConfiguredAdmin(string? aadObjectId) =>
        aadObjectId is not null && options.Value.AdminObjectIds.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    public async Task<bool> CanBindChannelsAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (IsConfiguredAdmin(activity.From?.AadObjectId))
        {
            return true;
        }

        var tenantId = activity.GetTenantId();
        var oversight = tenantId is null ? null : await store.GetChannelBindingAsync(tenantId, CatalogLoader.DefaultEscalationTeamId, cancellationToken);
        return oversight is not null && ChannelOf(activity) == oversight.ConversationId;
    }

    /// <summary>
    /// With no admins configured and no SOC Oversight channel yet, nobody could ever bind a channel; so the first
    /// `link soc-oversight` is open to anyone, to make that channel the place admins speak from.
    /// </summary>
    public async Task<bool> IsBootstrapOpenAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (options.Value.AdminObjectIds.Count > 0)
        {
            return false;
        }

        var oversight = catalogSource.Current.FindTeam(CatalogLoader.DefaultEscalationTeamId);
        return oversight?.ChannelBinding is null
            && await store.GetChannelBindingAsync(tenantId, CatalogLoader.DefaultEscalationTeamId, cancellationToken) is null;
    }

    /// <summary>Whether the admin commands apply to the sender: they may bind channels now, or may make the first link.</summary>
    public async Task<bool> MayAdministerAsync(Activity activity, CancellationToken cancellationToken) =>
        await CanBindChannelsAsync(activity, cancellationToken)
        || (activity.GetTenantId() is { } tenantId && await IsBootstrapOpenAsync(tenantId, cancellationToken));

    public bool CanActOn(OccurrenceRecord record, Activity activity)
    {
        if (IsConfiguredAdmin(activity.From?.AadObjectId))
        {
            return true;
        }

        return record.ConversationId is { } posted && ChannelPart(posted) == ChannelOf(activity);
    }

    /// <summary>The channel an activity came from: channelData.channel.id, else the conversation id without its thread part.</summary>
    public static string? ChannelOf(Activity activity) =>
        activity.GetTeamsChannelData().Channel?.Id ?? ChannelPart(activity.Conversation?.Id);

    private static string? ChannelPart(string? conversationId)
    {
        var at = conversationId?.IndexOf(';', StringComparison.Ordinal) ?? -1;
        return at < 0 ? conversationId : conversationId![..at];
    }
}
