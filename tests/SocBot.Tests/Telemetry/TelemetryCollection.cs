namespace SocBot.Tests.Telemetry;

/// <summary>The meters are process-wide: tests that count measurements run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
