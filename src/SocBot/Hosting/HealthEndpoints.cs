using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocBot.Hosting;

/// <summary>
/// <c>/healthz</c> (liveness) and <c>/readyz</c> (readiness) on ASP.NET Core health checks: each endpoint runs the checks that
/// carry its tag from <see cref="HealthTags"/> and answers 200 when all are healthy (or degraded), 503 otherwise, with a JSON
/// body listing every check's status.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    /// <summary>Storage reachable and catalog loaded, for readiness. The reminder heartbeat check is registered by the reminders feature.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready], timeout: StorageHealthCheck.Timeout)
            .AddCheck<CatalogHealthCheck>("catalog", tags: [HealthTags.Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, Options(HealthTags.Live));
        endpoints.MapHealthChecks(ReadyPath, Options(HealthTags.Ready));
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
        AllowCachingResponses = false,
    };
}
