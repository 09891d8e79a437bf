using System.Text.Json;
using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Teams;

public static class TeamsActivityExtensions
{
    /// <summary>The Teams channel data of an activity, or an empty one when absent or not an object.</summary>
    public static TeamsChannelData GetTeamsChannelData(this Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } raw)
        {
            return new TeamsChannelData();
        }

        try
        {
            return raw.Deserialize(ProtocolJsonContext.Default.TeamsChannelData) ?? new TeamsChannelData();
        }
        catch (JsonException)
        {
            return new TeamsChannelData();
        }
    }

    /// <summary>The tenant the activity came from: channelData.tenant.id, else conversation.tenantId.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.GetTeamsChannelData().Tenant?.Id ?? activity.Conversation?.TenantId;

    /// <summary>
    /// The message text without the bot's own @mention. Teams puts "&lt;at&gt;SocBot&lt;/at&gt;" in the text of channel messages;
    /// the mention entity tells which span names the bot, so other people's mentions stay.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != botId || botId is null)
            {
                continue;
            }

            var span = entity.TryGetProperty("text", out var spanText) && spanText.ValueKind == JsonValueKind.String
                ? spanText.GetString()
                : mentioned.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? $"<at>{name.GetString()}</at>" : null;
            if (!string.IsNullOrEmpty(span))
            {
                text = text.Replace(span, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>True when the bot itself is among the members added to or removed from the conversation.</summary>
    public static bool IsBotAmong(this Activity activity, IReadOnlyList<ChannelAccount>? members) =>
        activity.Recipient?.Id is { } botId && (members ?? []).Any(m => m.Id == botId);
}
