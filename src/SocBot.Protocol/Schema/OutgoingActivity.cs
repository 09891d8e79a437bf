using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

/// <summary>What the bot sends: a message (or typing) with text, cards and entities. Kept apart from the inbound model on purpose.</summary>
public sealed record OutgoingActivity
{
    [JsonPropertyName("type")] public string Type { get; init; } = ActivityTypes.Message;
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; init; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; init; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; init; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<Attachment>? Attachments { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<JsonElement>? Entities { get; init; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; init; }

    public static OutgoingActivity FromText(string text) => new() { Text = text, TextFormat = "markdown" };

    public static OutgoingActivity FromAttachment(Attachment attachment, string? summary = null) =>
        new() { Attachments = [attachment], Summary = summary };
}
