using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

/// <summary>A user or bot in a conversation. Teams sends the Entra object id as aadObjectId (some samples say objectId).</summary>
public sealed record ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
