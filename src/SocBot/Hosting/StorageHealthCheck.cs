using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocBot.State;

namespace SocBot.Hosting;

/// <summary>Storage is reachable when the heartbeat, a single point read, can be fetched.</summary>
internal sealed class StorageHealthCheck(ISocStateStore store, StorageBackend backend) : IHealthCheck
{
    /// <summary>The table client retries transient failures; a probe that waits longer than this already means "not ready".</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await store.GetHeartbeatAsync(cancellationToken);
            return HealthCheckResult.Healthy(backend.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception goes to the log through the health check service; the public answer names only the backend kind.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{backend.Kind} is unreachable", e);
        }
    }
}
