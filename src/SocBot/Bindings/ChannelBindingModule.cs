using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Access;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Conversations;
using SocBot.Protocol.Connector;
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
    TimeProvider time,
    ILogger<ChannelBindingModule> logger) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("link ‹team›", "send that SOC team's reminders to this channel", AdminOnly: true),
        new("unlink ‹team›", "stop sending that team's reminders here; they go to SOC Oversight", AdminOnly: true),
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
            if (!await IsBootstrapAsync(tenantId, team, cancellationToken))
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
        var (teamName, channelName) = await NamesAsync(turn, channelData, cancellationToken);
        await store.UpsertAsync(
            new ConversationReference(
                tenantId,
                channelId,
                channelData.Channel is null ? activity.Conversation?.ConversationType ?? "personal" : "channel",
                turn.ServiceUrl,
                channelData.Team?.Id,
                teamName,
                channelData.Channel?.Id,
                channelName,
                activity.Recipient?.Id ?? string.Empty,
                now),
            cancellationToken);
        await store.UpsertChannelBindingAsync(new TeamChannelBinding(tenantId, team.Id, channelId, channelData.Team?.Id, channelName, by, now), cancellationToken);
        Log.Linked(logger, team.Id, channelId, by.AadObjectId);

        var where = channelData.Channel is null ? "this chat" : "this channel";
        var moved = previous is not null && previous.ConversationId != channelId
            ? $" (it was linked to {previous.ChannelName ?? "another conversation"})"
            : string.Empty;
        await turn.SendActivityAsync($"Linked **{team.DisplayName}** to {where}{moved}. Its reminders will be posted here from the next reminder pass (within a minute), including any due today.", cancellationToken);
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
            text.Append("- **").Append(team.DisplayName).Append("**: ");
            if (bindings.TryGetValue(team.Id, out var binding))
            {
                var reference = await store.GetAsync(tenantId, binding.ConversationId, cancellationToken);
                text.Append(Where(binding, reference))
                    .Append(", linked by ").Append(binding.BoundBy.Name)
                    .Append(" on ").Append(binding.BoundAt.UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (team.ChannelBinding is not null)
            {
                text.Append("a channel fixed in the catalog");
            }
            else
            {
                text.Append(team.Id == CatalogLoader.DefaultEscalationTeamId
                    ? "not linked (no reminders can be posted until it is)"
                    : "not linked (its reminders go to SOC Oversight)");
            }

            text.Append('\n');
        }

        await turn.SendActivityAsync(text.ToString(), cancellationToken);
    }

    /// <summary>"SOC › Monitoring" for a channel, as Teams names it; a chat by its name when it has one.</summary>
    private static string Where(TeamChannelBinding binding, ConversationReference? reference) =>
        (reference?.TeamName, binding.ChannelName ?? reference?.ChannelName, reference?.ConversationType) switch
        {
            ({ } teamName, { } channel, _) => $"{teamName} › {channel}",
            (null, { } channel, "channel") => $"the {channel} channel",
            (null, { } chat, _) => $"the chat {chat}",
            (_, null, "personal") => "a personal chat",
            _ => "a channel whose name Teams didn't give",
        };

    /// <summary>
    /// The team's and channel's names as Teams shows them, asked once at link time (message activities carry ids, and
    /// names change): GET v3/teams/{id} and its channel list, where the General channel has no name.
    /// </summary>
    private async Task<(string? Team, string? Channel)> NamesAsync(ITurnContext turn, TeamsChannelData channelData, CancellationToken cancellationToken)
    {
        var teamName = channelData.Team?.Name;
        var channelName = channelData.Channel?.Name ?? turn.Activity.Conversation?.Name;
        if (channelData.Team?.Id is not { } teamsTeamId || channelData.Channel?.Id is not { } channelId)
        {
            return (teamName, channelName);
        }

        try
        {
            teamName = (await turn.Connector.GetTeamDetailsAsync(turn.ServiceUrl, turn.Activity.GetTenantId(), teamsTeamId, cancellationToken)).Name ?? teamName;
            var channels = await turn.Connector.GetTeamChannelsAsync(turn.ServiceUrl, turn.Activity.GetTenantId(), teamsTeamId, cancellationToken);
            if (channels.FirstOrDefault(c => c.Id == channelId) is { } channel)
            {
                channelName = channel.Name ?? "General";
            }
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            Log.NamesUnavailable(logger, e, teamsTeamId);
        }

        return (teamName, channelName);
    }

    private async Task<bool> IsBootstrapAsync(string tenantId, SocTeam team, CancellationToken cancellationToken) =>
        team.Id == CatalogLoader.DefaultEscalationTeamId && await access.IsBootstrapOpenAsync(tenantId, cancellationToken);

    private static SocTeam? FindTeam(SocCatalog catalog, string text) =>
        string.IsNullOrWhiteSpace(text) ? null : catalog.FindTeam(text.Trim().Trim('"'));

    private static string UnknownTeam(SocCatalog catalog, string text, string command) =>
        (string.IsNullOrWhiteSpace(text) ? $"Which team? Say `{command} ‹team›`." : $"I don't know a SOC team called '{text.Trim()}'.")
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

        [LoggerMessage(Level = LogLevel.Warning, Message = "Teams did not give the names of team {TeamsTeamId} and its channels; the link keeps what the message said")]
        public static partial void NamesUnavailable(ILogger logger, Exception exception, string teamsTeamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap: no admins configured and no SOC Oversight channel, so {AadObjectId} ({Name}) links SOC Oversight to {ChannelId}")]
        public static partial void Bootstrapped(ILogger logger, string aadObjectId, string name, string channelId);
    }
}
