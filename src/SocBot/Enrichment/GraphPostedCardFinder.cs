using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using SocBot.Protocol.Connector;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Enrichment;

/// <summary>
/// Reads a channel's recent messages from Graph (ChannelMessage.Read.All) for the bot's card whose buttons carry the
/// occurrence: Graph addresses the team by its Entra group id, which the connector's team details give.
/// </summary>
internal sealed class GraphPostedCardFinder(
    GraphConnection graph,
    ISocStateStore store,
    ConnectorClient connector,
    TrustedServiceUrls trustedUrls,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<GraphPostedCardFinder> logger) : IPostedCardFinder
{
    /// <summary>Pages of 50 root messages: an interrupted pass's card is among a channel's latest, and the bound keeps a take-over quick.</summary>
    public const int MaxPages = 4;

    public const int PageSize = 50;

    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public async Task<PostedCard?> FindAsync(ReminderTarget target, string teamId, string occurrenceKey, CancellationToken cancellationToken)
    {
        if (!target.IsChannel)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(options.Value.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var reference = await store.GetAsync(target.TenantId, target.ChannelId, linked.Token);
            if (reference?.TeamId is not { } teamsTeamId)
            {
                return null;
            }

            trustedUrls.Trust(target.ServiceUrl);
            var team = await connector.GetTeamDetailsAsync(target.ServiceUrl, target.TenantId, teamsTeamId, linked.Token);
            if (team.AadGroupId is not { Length: > 0 } groupId)
            {
                return null;
            }

            var messageId = await SearchAsync(groupId, target.ChannelId, BotAppId(reference.BotId), new OccurrenceMatch(target.TenantId, teamId, occurrenceKey), linked.Token);
            return messageId is null ? null : new PostedCard($"{target.ChannelId};messageid={messageId}", messageId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.PostedCardLookupTimedOut(logger, target.ChannelId, options.Value.Timeout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.PostedCardLookupFailed(logger, e, target.ChannelId);
        }

        return null;
    }

    private async Task<string?> SearchAsync(string groupId, string channelId, string botAppId, OccurrenceMatch match, CancellationToken cancellationToken)
    {
        using var client = graph.CreateClient();
        var messages = client.Teams[groupId].Channels[channelId].Messages;
        var page = await messages.GetAsync(request => request.QueryParameters.Top = PageSize, cancellationToken);
        for (var pages = 1; page is not null; pages++)
        {
            if ((page.Value ?? []).FirstOrDefault(m => IsFromBot(m, botAppId) && (m.Attachments ?? []).Any(a => Carries(a, match))) is { Id: { } found })
            {
                return found;
            }

            if (page.OdataNextLink is not { Length: > 0 } next || pages == MaxPages)
            {
                return null;
            }

            page = await messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
        }

        return null;
    }

    /// <summary>The bot's id in Teams is "28:" and its app id; Graph names the sending app by the app id alone.</summary>
    private static string BotAppId(string botId) => botId.StartsWith("28:", StringComparison.Ordinal) ? botId[3..] : botId;

    private static bool IsFromBot(ChatMessage message, string botAppId) =>
        message.DeletedDateTime is null && string.Equals(message.From?.Application?.Id, botAppId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Graph gives an attachment's card as a JSON string; any of its Action.Execute buttons naming the occurrence is a match.</summary>
    private static bool Carries(ChatMessageAttachment attachment, OccurrenceMatch match)
    {
        if (attachment.ContentType != AdaptiveCardContentType || attachment.Content is not { Length: > 0 } content)
        {
            return false;
        }

        try
        {
            using var card = JsonDocument.Parse(content);
            return DataOf(card.RootElement).Any(d => OccurrenceCardData.TryRead(d, out var data)
                && data.TenantId == match.TenantId && data.TeamId == match.TeamId && data.Key.ToString() == match.OccurrenceKey);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<JsonElement> DataOf(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("data"))
                {
                    yield return property.Value;
                }

                foreach (var nested in DataOf(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(DataOf))
            {
                yield return nested;
            }
        }
    }

    private sealed record OccurrenceMatch(string TenantId, string TeamId, string OccurrenceKey);
}
