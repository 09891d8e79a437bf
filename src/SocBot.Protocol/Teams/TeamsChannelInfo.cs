using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

public sealed record TeamsChannelInfo
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}
