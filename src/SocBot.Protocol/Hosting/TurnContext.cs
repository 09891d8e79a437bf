using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;

namespace SocBot.Protocol.Hosting;

public sealed class TurnContext(Activity activity, Uri serviceUrl, ConnectorClient connector) : ITurnContext
{
    private string? _text;
    private string? _tenantId;

    public Activity Activity { get; } = activity;

    public string Text => _text ??= Activity.GetTextWithoutBotMention();

    public Uri ServiceUrl { get; } = serviceUrl;

    public ConnectorClient Connector { get; } = connector;

    /// <summary>The tenant the turn came from, which every connector call of the turn is paced under.</summary>
    public string? TenantId => _tenantId ??= Activity.GetTenantId();

    public Task<ResourceResponse> SendActivityAsync(OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var conversationId = Activity.Conversation!.Id!;
        var addressed = activity with
        {
            From = activity.From ?? Activity.Recipient,
            Recipient = activity.Recipient ?? Activity.From,
            Conversation = activity.Conversation ?? Activity.Conversation,
        };
        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(ServiceUrl, TenantId, conversationId, addressed, cancellationToken)
            : Connector.ReplyToActivityAsync(ServiceUrl, TenantId, conversationId, Activity.Id, addressed, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        Connector.UpdateActivityAsync(ServiceUrl, TenantId, Activity.Conversation!.Id!, activityId, activity with { Conversation = activity.Conversation ?? Activity.Conversation }, cancellationToken);
}
