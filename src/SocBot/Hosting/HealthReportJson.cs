using System.Text.Json.Serialization;

namespace SocBot.Hosting;

/// <summary>The body of /healthz and /readyz.</summary>
public sealed record HealthReportJson(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("durationMs")] double DurationMs,
    [property: JsonPropertyName("checks")] IReadOnlyDictionary<string, HealthCheckJson> Checks);
