namespace SocBot.Protocol.Connector;

/// <summary>Bounds on retrying the connector: attempts, per-attempt timeout, backoff and the total time a call may spend waiting.</summary>
public sealed class ConnectorRetryOptions
{
    public const string SectionName = "Connector:Retry";

    public int MaxAttempts { get; set; } = 4;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromSeconds(60);
}
