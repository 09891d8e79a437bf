using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocBot.Catalog;

namespace SocBot.Hosting;

/// <summary>
/// The catalog is loaded when the catalog source yields one; a broken file is reported with its error count, not its content.
/// A rejected reload leaves the previous catalog in force, so it stays healthy and only says so.
/// </summary>
internal sealed class CatalogHealthCheck(ICatalogSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = source.Current;
            var description = $"{catalog.Teams.Count} teams, {catalog.Tasks.Count} tasks";
            if (source.LastRejectedReload is { } rejected)
            {
                // Still ready: the previous catalog answers. Only the count here; the errors themselves are in the log.
                description += string.Create(
                    CultureInfo.InvariantCulture,
                    $"; the last reload ({rejected.At.UtcDateTime:u}) was rejected with {rejected.Errors.Count} errors, so the previous catalog is in force");
            }

            return Task.FromResult(HealthCheckResult.Healthy(description));
        }
        catch (CatalogLoadException e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"The catalog has {e.Errors.Count} errors", e));
        }
    }
}
