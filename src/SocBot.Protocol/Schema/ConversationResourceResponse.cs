using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ConversationResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("activityId")] public string? ActivityId { get; init; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }
}
