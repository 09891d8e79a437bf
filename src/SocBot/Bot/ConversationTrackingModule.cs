using SocBot.Catalog;
using SocBot.Conversations;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;
using SocBot.Reminders;

namespace SocBot.Bot;

/// <summary>
/// Remembers where the bot is installed, so reminders can be posted there later without anyone speaking first:
/// added to a team or chat → a conversation reference and a welcome card; removed → forgotten.
/// </summary>
public sealed partial class ConversationTrackingModule(IConversationReferenceStore store, ICatalogSource catalogSource, TimeProvider time, ILogger<ConversationTrackingModule> logger) : IBotModule
{
    public IEnumerable<HelpEntry> Help => [];

    public void Register(ActivityRouter router)
    {
        router.OnActivity(ActivityTypes.ConversationUpdate, OnConversationUpdateAsync);
        router.OnActivity(ActivityTypes.InstallationUpdate, OnInstallationUpdateAsync);
    }

    private Task OnConversationUpdateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var eventType = activity.GetTeamsChannelData().EventType;
        if (activity.IsBotAmong(activity.MembersRemoved)
            || string.Equals(eventType, "teamDeleted", StringComparison.OrdinalIgnoreCase)
            || string.Equals(eventType, "teamHardDeleted", StringComparison.OrdinalIgnoreCase))
        {
            return ForgetAsync(turn, cancellationToken);
        }

        return activity.IsBotAmong(activity.MembersAdded) ? RememberAndWelcomeAsync(turn, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Teams sends both a conversationUpdate and an installationUpdate on install: only the first says hello.</summary>
    private async Task RememberAndWelcomeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await RememberAsync(turn, cancellationToken);
        var card = WelcomeCards.Welcome(catalogSource.Current, turn.Activity.GetTeamsChannelData().Team?.Name);
        await turn.SendActivityAsync(ReminderPoster.CardActivity(card), cancellationToken);
    }

    private Task OnInstallationUpdateAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true
            ? ForgetAsync(turn, cancellationToken)
            : RememberAsync(turn, cancellationToken);

    private async Task RememberAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channelData = activity.GetTeamsChannelData();
        var tenantId = activity.GetTenantId() ?? string.Empty;
        var reference = new ConversationReference(
            TenantId: tenantId,
            ConversationId: activity.Conversation!.Id!,
            ConversationType: activity.Conversation.ConversationType ?? "personal",
            ServiceUrl: turn.ServiceUrl,
            TeamId: channelData.Team?.Id,
            TeamName: channelData.Team?.Name,
            ChannelId: channelData.Channel?.Id ?? channelData.Settings?.SelectedChannel?.Id,
            ChannelName: channelData.Channel?.Name,
            BotId: activity.Recipient?.Id ?? string.Empty,
            UpdatedAt: time.GetUtcNow());
        await store.UpsertAsync(reference, cancellationToken);
        Log.Remembered(logger, reference.ConversationType, reference.TeamId ?? reference.ConversationId);
    }

    private async Task ForgetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.GetTenantId() ?? string.Empty;
        var teamId = activity.GetTeamsChannelData().Team?.Id;
        await store.RemoveAsync(tenantId, teamId ?? activity.Conversation!.Id!, cancellationToken);
        Log.Forgot(logger, teamId ?? activity.Conversation!.Id!);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Installed in a {ConversationType} conversation ({Where})")]
        public static partial void Remembered(ILogger logger, string conversationType, string where);

        [LoggerMessage(Level = LogLevel.Information, Message = "Removed from {Where}")]
        public static partial void Forgot(ILogger logger, string where);
    }
}
