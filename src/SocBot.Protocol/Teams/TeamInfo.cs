using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

public sealed record TeamInfo
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("aadGroupId")] public string? AadGroupId { get; init; }
}
