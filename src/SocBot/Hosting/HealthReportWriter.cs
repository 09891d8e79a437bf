using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocBot.Hosting;

/// <summary>Writes a health report as JSON: the overall status and each check's status and description, never exception details.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthReportJson(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckJson(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)));
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HostingJsonContext.Default.HealthReportJson, context.RequestAborted);
    }
}
