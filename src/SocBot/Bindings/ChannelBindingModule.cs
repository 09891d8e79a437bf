using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Access;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Conversations;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Teams;
using SocBot.State;

namespace SocBot.Bindings;

/// <summary>
/// `link`, `unlink` and `channels`: which channel (or chat) receives each SOC team's reminders. Linking also stores the
/// conversation reference, so the reminder pass can reach the channel without waiting for an install event.
/// </summary>
public sealed partial class ChannelBindingModule(
    ISocStateStore store,
    ICatalogSource catalogSource,
    AccessPolicy access,
    IOptions<AccessOptions> accessOptions,
    TimeProvider time,
    ILogger<ChannelBindingModule> logger) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("link <team>", "send that SOC team's reminders to this channel (admins)"),
        new("unlink <team>", "stop sending that team's reminders here; they go to SOC Oversight (admins)"),
        new("channels", "which channel each SOC team's reminders go to"),
    ];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("link", LinkAsync);
        router.OnCommand("unlink", UnlinkAsync);
        router.OnCommand("channels", (turn, _, ct) => ChannelsAsync(turn, ct));
    }

    private async Task LinkAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var catalog = catalogSource.Current;
        if (FindTeam(catalog, text) is not { } team)
        {
            await turn.SendActivityAsync(UnknownTeam(catalog, text, "link"), cancellationToken);
            return;
        }

        var tenantId = activity.GetTenantId();
        var channelId = AccessPolicy.ChannelOf(activity);
        if (tenantId is null || channelId is null)
        {
            await turn.SendActivityAsync("I can't tell which organization or conversation this is, so I can't link it.", cancellationToken);
            return;
        }

        var by = AccessPolicy.ActorOf(activity);
        if (!await access.CanBindChannelsAsync(activity, cancellationToken))
        {
            if (!await IsBootstrapAsync(tenantId, team, catalog, cancellationToken))
            {
                Log.LinkRefused(logger, team.Id, by.AadObjectId);
                await turn.SendActivityAsync(NotAllowed("link"), cancellationToken);
                return;
            }

            Log.Bootstrapped(logger, by.AadObjectId, by.Name, channelId);
        }

        var channelData = activity.GetTeamsChannelData();
        var now = time.GetUtcNow();
        var previous = await store.GetChannelBindingAsync(tenantId, team.Id, cancellationToken);
        await store.UpsertAsync(
            new ConversationReference(
                tenantId,
                channelId,
                channelData.Channel is null ? activity.Conversation?.ConversationType ?? "personal" : "channel",
                turn.ServiceUrl,
                channelData.Team?.Id,
                channelData.Team?.Name,
                channelData.Channel?.Id,
                channelData.Channel?.Name,
                activity.Recipient?.Id ?? string.Empty,
                now),
            cancellationToken);
        var channelName = channelData.Channel?.Name ?? activity.Conversation?.Name;
        await store.UpsertChannelBindingAsync(new TeamChannelBinding(tenantId, team.Id, channelId, channelData.Team?.Id, channelName, by, now), cancellationToken);
        Log.Linked(logger, team.Id, channelId, by.AadObjectId);

        var where = channelData.Channel is null ? "this chat" : "this channel";
        var moved = previous is not null && previous.ConversationId != channelId
            ? $" (it was linked to {previous.ChannelName ?? previous.ConversationId})"
            : string.Empty;
        await turn.SendActivityAsync($"Linked **{team.DisplayName}** to {where}{moved}. Its reminders will be posted here.", cancellationToken);
    }

    private async Task UnlinkAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var catalog = catalogSource.Current;
        if (FindTeam(catalog, text) is not { } team)
        {
            await turn.SendActivityAsync(UnknownTeam(catalog, text, "unlink"), cancellationToken);
            return;
        }

        var by = AccessPolicy.ActorOf(activity);
        if (activity.GetTenantId() is not { } tenantId || !await access.CanBindChannelsAsync(activity, cancellationToken))
        {
            Log.LinkRefused(logger, team.Id, by.AadObjectId);
            await turn.SendActivityAsync(NotAllowed("unlink"), cancellationToken);
            return;
        }

        var removed = await store.RemoveChannelBindingAsync(tenantId, team.Id, by, cancellationToken);
        if (removed)
        {
            Log.Unlinked(logger, team.Id, by.AadObjectId);
        }

        var fallback = team.ChannelBinding is not null
            ? "the channel fixed in the catalog"
            : team.Id == CatalogLoader.DefaultEscalationTeamId ? "nowhere until it is linked again" : "SOC Oversight";
        await turn.SendActivityAsync(
            removed
                ? $"Unlinked **{team.DisplayName}**. Its reminders now go to {fallback}."
                : $"**{team.DisplayName}** was not linked to a channel; its reminders go to {fallback}.",
            cancellationToken);
    }

    private async Task ChannelsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var tenantId = turn.Activity.GetTenantId() ?? string.Empty;
        var bindings = (await store.ListChannelBindingsAsync(tenantId, cancellationToken)).ToDictionary(b => b.TeamId, StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder("**Where each SOC team's reminders go**\n\n");
        foreach (var team in catalog.Teams)
        {
            text.Append("- **").Append(team.DisplayName).Append("** (`").Append(team.Id).Append("`): ");
            if (bindings.TryGetValue(team.Id, out var binding))
            {
                text.Append(binding.ChannelName ?? binding.ConversationId)
                    .Append(", linked by ").Append(binding.BoundBy.Name)
                    .Append(" on ").Append(binding.BoundAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (team.ChannelBinding is { } fixedChannel)
            {
                text.Append(fixedChannel.ChannelId).Append(" (fixed in the catalog)");
            }
            else
            {
                text.Append(team.Id == CatalogLoader.DefaultEscalationTeamId
                    ? "not bound (no reminders can be posted until it is)"
                    : "not bound (reminders go to SOC Oversight)");
            }

            text.Append('\n');
        }

        await turn.SendActivityAsync(text.ToString(), cancellationToken);
    }

    /// <summary>
    /// With no admins configured and no SOC Oversight channel yet, nobody could ever bind a channel; so the first
    /// `link soc-oversight` is let through, and logged, to make that channel the place admins speak from.
    /// </summary>
    private async Task<bool> IsBootstrapAsync(string tenantId, SocTeam team, SocCatalog catalog, CancellationToken cancellationToken)
    {
        if (team.Id != CatalogLoader.DefaultEscalationTeamId || accessOptions.Value.AdminObjectIds.Count > 0)
        {
            return false;
        }

        var oversight = catalog.FindTeam(CatalogLoader.DefaultEscalationTeamId);
        return oversight?.ChannelBinding is null
            && await store.GetChannelBindingAsync(tenantId, CatalogLoader.DefaultEscalationTeamId, cancellationToken) is null;
    }

    private static SocTeam? FindTeam(SocCatalog catalog, string text) =>
        string.IsNullOrWhiteSpace(text) ? null : catalog.FindTeam(text.Trim().Trim('"'));

    private static string UnknownTeam(SocCatalog catalog, string text, string command) =>
        (string.IsNullOrWhiteSpace(text) ? $"Which team? Say `{command} <team>`." : $"I don't know a SOC team called '{text.Trim()}'.")
        + $" Teams: {string.Join(", ", catalog.Teams.Select(t => $"`{t.Id}`"))}.";

    private static string NotAllowed(string command) =>
        $"Only SOC admins can {command} channels: people listed in SocBot:AdminObjectIds, or anyone speaking in SOC Oversight's channel. Nothing was changed.";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} linked to {ChannelId} by {AadObjectId}")]
        public static partial void Linked(ILogger logger, string teamId, string channelId, string aadObjectId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} unlinked by {AadObjectId}")]
        public static partial void Unlinked(ILogger logger, string teamId, string aadObjectId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to change the channel of {TeamId} for {AadObjectId}: not an admin")]
        public static partial void LinkRefused(ILogger logger, string teamId, string aadObjectId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap: no admins configured and no SOC Oversight channel, so {AadObjectId} ({Name}) links SOC Oversight to {ChannelId}")]
        public static partial void Bootstrapped(ILogger logger, string aadObjectId, string name, string channelId);
    }
}
