using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record Attachment
{
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; init; }
    [JsonPropertyName("content")] public JsonElement? Content { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}
