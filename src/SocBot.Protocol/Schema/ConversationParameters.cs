using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool IsGroup { get; init; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; init; }
    [JsonPropertyName("members")] public IReadOnlyList<ChannelAccount>? Members { get; init; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; init; }
    [JsonPropertyName("activity")] public OutgoingActivity? Activity { get; init; }
}
