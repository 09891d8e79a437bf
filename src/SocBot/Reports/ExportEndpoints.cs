using SocBot.State;

namespace SocBot.Reports;

public static class ExportEndpoints
{
    /// <summary>
    /// GET /exports/{tenant}/{id}.csv: an export made in the last hour, as a download; 404 once expired or unknown. The id
    /// is 128 random bits, so the link is its own key; exports live in the store, so any instance serves it.
    /// </summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{tenantId}/{id}.csv", async (string tenantId, string id, ISocStateStore store, CancellationToken cancellationToken) =>
            await store.GetExportAsync(tenantId, id, cancellationToken) is { } export
                ? Results.File(export.Content, "text/csv; charset=utf-8", export.FileName)
                : Results.NotFound());
        return endpoints;
    }

    public static Uri LinkTo(Uri publicBaseUrl, StoredExport export) =>
        new($"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/exports/{Uri.EscapeDataString(export.TenantId)}/{export.ExportId}.csv");
}
