using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ChannelInfo
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}
