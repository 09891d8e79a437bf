using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("conversationType")] public string? ConversationType { get; init; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
