using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record PagedMembersResult
{
    [JsonPropertyName("continuationToken")] public string? ContinuationToken { get; init; }
    [JsonPropertyName("members")] public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
}
