using SocBot.State;

namespace SocBot.Reports;

public static class ExportEndpoints
{
    /// <summary>
    /// GET /exports/{tenant}/{id}.csv?expires=…&amp;sig=…: an export made in the last hour, as a download. A link whose
    /// signature does not match or whose expiry has passed gets 403 without touching the store; an unknown or expired
    /// export 404. Exports live in the store, so any instance with the same key serves it.
    /// </summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{tenantId}/{id}.csv", async (string tenantId, string id, HttpRequest request, ExportLinkSigner signer, ISocStateStore store, CancellationToken cancellationToken) =>
        {
            if (!signer.IsValid(tenantId, id, request.Query[ExportLinkSigner.ExpiresParameter], request.Query[ExportLinkSigner.SignatureParameter]))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return await store.GetExportAsync(tenantId, id, cancellationToken) is { } export
                ? Results.File(export.Content, "text/csv; charset=utf-8", export.FileName)
                : Results.NotFound();
        });
        return endpoints;
    }
}
