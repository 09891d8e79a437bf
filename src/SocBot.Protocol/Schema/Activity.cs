using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

/// <summary>
/// An activity as a channel sends it. Everything we do not model stays in <see cref="Properties"/>, and the
/// free-form parts (channelData, value, entities) stay raw JSON, so nothing a channel sends is lost.
/// </summary>
public sealed record Activity
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; init; }
    [JsonPropertyName("localTimezone")] public string? LocalTimezone { get; init; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; init; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; init; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    [JsonPropertyName("action")] public string? Action { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<Attachment>? Attachments { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<JsonElement>? Entities { get; init; }
    [JsonPropertyName("membersAdded")] public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    [JsonPropertyName("membersRemoved")] public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; init; }
    [JsonPropertyName("value")] public JsonElement? Value { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
