using System.Text;

namespace SocBot.Reports;

public static class ExportEndpoints
{
    /// <summary>GET /exports/{id}.csv: an export made in the last hour, as a download; 404 once expired or unknown.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{id}.csv", (string id, ExportStore exports) =>
            exports.Find(id) is { } csv
                ? Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"socbot-audit-{id[..Math.Min(8, id.Length)]}.csv")
                : Results.NotFound());
        return endpoints;
    }
}
