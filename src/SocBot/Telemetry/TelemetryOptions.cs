namespace SocBot.Telemetry;

/// <summary>OpenTelemetry metrics and traces (section "Telemetry"); off unless an exporter is configured.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Application Insights' connection string (the resource's "Connection String"); exports there when set.</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary>An OpenTelemetry collector's OTLP/HTTP address (e.g. http://localhost:4318); exports there when set.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are exported.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString) || OtlpEndpoint is not null;
}
