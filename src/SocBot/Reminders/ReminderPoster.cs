using System.Text.Json.Nodes;
using SocBot.Cards;
using SocBot.Protocol;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;

namespace SocBot.Reminders;

/// <summary>
/// Every call SocBot makes on its own to a stored conversation: a card as a new thread in a channel (or a message in a
/// bound chat), a reply in a card's thread, a posted card replaced for everyone. The service URL comes from the stored
/// conversation reference, learned from an authenticated activity, so it is trusted here before each call: a pass after a
/// restart (CLI or web host) has seen no activity yet.
/// </summary>
public sealed class ReminderPoster(ConnectorClient connector, TrustedServiceUrls trustedUrls)
{
    /// <summary>Starts a thread in the target channel with the card; returns the thread's conversation id and the card's activity id.</summary>
    public async Task<PostedCard> PostAsync(ReminderTarget target, AdaptiveCard card, CancellationToken cancellationToken)
    {
        trustedUrls.Trust(target.ServiceUrl);
        if (!target.IsChannel)
        {
            var sent = await connector.SendToConversationAsync(target.ServiceUrl, target.TenantId, target.ChannelId, CardActivity(card), cancellationToken);
            return new PostedCard(target.ChannelId, sent.Id ?? throw NoActivityId("SendToConversation"));
        }

        var channelData = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = target.ChannelId },
            ["tenant"] = new JsonObject { ["id"] = target.TenantId },
            ["notification"] = new JsonObject { ["alert"] = true },
        };
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = target.TenantId,
            ChannelData = JsonElements.From(channelData),
            Activity = CardActivity(card),
        };
        var created = await connector.CreateConversationAsync(target.ServiceUrl, target.TenantId, parameters, target.ChannelId, cancellationToken);
        var activityId = created.ActivityId ?? ThreadRootOf(created.Id);
        var conversationId = created.Id ?? $"{target.ChannelId};messageid={activityId}";
        return new PostedCard(conversationId, activityId ?? throw NoActivityId("CreateConversation"));
    }

    /// <summary>Posts a card into an existing conversation: a reply in a card's thread, or a message in a bound chat.</summary>
    public async Task<PostedCard> ReplyAsync(Uri serviceUrl, string tenantId, string conversationId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        trustedUrls.Trust(serviceUrl);
        var sent = await connector.SendToConversationAsync(serviceUrl, tenantId, conversationId, CardActivity(card), cancellationToken);
        return new PostedCard(conversationId, sent.Id ?? throw NoActivityId("SendToConversation"));
    }

    /// <summary>Posts a text message into an existing conversation, such as a card's thread.</summary>
    public async Task ReplyAsync(Uri serviceUrl, string tenantId, string conversationId, string text, CancellationToken cancellationToken)
    {
        trustedUrls.Trust(serviceUrl);
        await connector.SendToConversationAsync(serviceUrl, tenantId, conversationId, OutgoingActivity.FromText(text), cancellationToken);
    }

    /// <summary>Replaces the card of a posted activity, so everyone in the channel sees its new state.</summary>
    public Task UpdateAsync(Uri serviceUrl, string tenantId, string conversationId, string activityId, AdaptiveCard card, CancellationToken cancellationToken) =>
        UpdateAsync(serviceUrl, tenantId, conversationId, activityId, CardActivity(card), cancellationToken);

    /// <summary>The same with the card already serialized into its activity, for a card that is also sent elsewhere.</summary>
    public async Task UpdateAsync(Uri serviceUrl, string tenantId, string conversationId, string activityId, OutgoingActivity cardActivity, CancellationToken cancellationToken)
    {
        trustedUrls.Trust(serviceUrl);
        await connector.UpdateActivityAsync(serviceUrl, tenantId, conversationId, activityId, cardActivity, cancellationToken);
    }

    public static OutgoingActivity CardActivity(AdaptiveCard card) => OutgoingActivity.FromAttachment(
        new Attachment { ContentType = AdaptiveCardSchema.ContentType, Content = card.ToJsonElement() },
        card.FallbackText);

    private static ConnectorException NoActivityId(string operation) =>
        new(operation, System.Net.HttpStatusCode.BadGateway, "NoActivityId", "The connector answered without an activity id.");

    private static string? ThreadRootOf(string? conversationId)
    {
        const string marker = ";messageid=";
        var at = conversationId?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : conversationId![(at + marker.Length)..];
    }
}
