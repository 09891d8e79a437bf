using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocBot.Catalog;

namespace SocBot.Hosting;

/// <summary>The catalog is loaded when the catalog source yields one; a broken file is reported with its error count, not its content.</summary>
internal sealed class CatalogHealthCheck(ICatalogSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = source.Current;
            return Task.FromResult(HealthCheckResult.Healthy($"{catalog.Teams.Count} teams, {catalog.Tasks.Count} tasks"));
        }
        catch (CatalogLoadException e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"The catalog has {e.Errors.Count} errors", e));
        }
    }
}
