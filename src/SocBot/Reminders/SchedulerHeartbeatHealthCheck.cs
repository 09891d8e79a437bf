using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>Unhealthy when no reminder pass has completed lately: reminders have stopped flowing, whatever else looks fine.
/// Listed under /healthz and /readyz.</summary>
public sealed class SchedulerHeartbeatHealthCheck(ISocStateStore store, TimeProvider time, IOptions<ReminderOptions> options) : IHealthCheck
{
    public const string Name = "scheduler-heartbeat";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Heartbeat? heartbeat;
        try
        {
            heartbeat = await store.GetHeartbeatAsync(cancellationToken);
        }
        catch (StateStoreUnavailableException e)
        {
            // Storage has its own readiness check; liveness must not flap, and a restart would not bring storage back.
            return HealthCheckResult.Degraded("The heartbeat cannot be read: storage is unreachable.", e);
        }

        var staleAfter = options.Value.HeartbeatStaleAfter;
        if (heartbeat is null)
        {
            return HealthCheckResult.Degraded("No reminder pass has completed yet.");
        }

        var age = time.GetUtcNow() - heartbeat.LastPassCompletedAt;
        var data = new Dictionary<string, object>
        {
            ["lastPassCompletedAt"] = heartbeat.LastPassCompletedAt.ToString("O"),
            ["instance"] = heartbeat.Instance,
        };
        return age <= staleAfter
            ? HealthCheckResult.Healthy($"Last reminder pass {SocTime.Span(age)} ago.", data)
            : HealthCheckResult.Unhealthy($"Stale: the last reminder pass completed {SocTime.Span(age)} ago (limit {staleAfter}).", data: data);
    }
}
