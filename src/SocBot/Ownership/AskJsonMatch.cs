using System.Text.Json.Serialization;

namespace SocBot.Ownership;

/// <summary>A team and what of theirs matched; <see cref="TeamId"/> is null for a task every SOC team runs.</summary>
internal sealed record AskJsonMatch(
    [property: JsonPropertyName("team")] string Team,
    [property: JsonPropertyName("teamId")] string? TeamId,
    [property: JsonPropertyName("matched")] string Matched,
    [property: JsonPropertyName("score")] double Score);
