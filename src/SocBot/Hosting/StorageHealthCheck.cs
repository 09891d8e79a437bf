using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocBot.State;

namespace SocBot.Hosting;

/// <summary>Storage is reachable when the heartbeat, a single point read, can be fetched.</summary>
internal sealed class StorageHealthCheck(ISocStateStore store, StorageBackend backend) : IHealthCheck
{
    /// <summary>
    /// The table client retries transient failures; a probe that waits longer than this already means "not ready". Well under
    /// App Service's 5 s for the whole of /readyz, and enforced here as well, so a store that ignores cancellation still
    /// gets an answer in time.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await store.GetHeartbeatAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy(backend.Kind);
        }
        catch (Exception e) when (e is TimeoutException || e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // The exception goes to the log through the health check service; the public answer names only the backend kind.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{backend.Kind} is unreachable", e);
        }
    }
}
