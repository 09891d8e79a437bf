namespace SocBot.Catalog;

/// <summary>Loads the catalog while the host starts, so a broken catalog stops start-up with its full error list.</summary>
internal sealed class CatalogStartupCheck(ICatalogSource source, ILogger<CatalogStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = source.Current;
        }
        catch (CatalogLoadException e)
        {
            Log.CatalogInvalid(logger, e.Errors.Count, string.Join(Environment.NewLine, e.Errors));
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
