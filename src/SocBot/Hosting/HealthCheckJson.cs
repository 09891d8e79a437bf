using System.Text.Json.Serialization;

namespace SocBot.Hosting;

/// <summary>One check in a health answer.</summary>
public sealed record HealthCheckJson(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("durationMs")] double DurationMs);
