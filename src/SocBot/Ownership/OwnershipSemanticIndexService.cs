using SocBot.Catalog;

namespace SocBot.Ownership;

/// <summary>
/// Builds the semantic index in the background: once at start-up for the catalog in force, again after every accepted
/// reload, and whenever a question meets a corpus without one. Start-up and readiness never wait for the model; on
/// shutdown the build in progress is cancelled between batches.
/// </summary>
internal sealed class OwnershipSemanticIndexService(
    OwnershipSemantics semantics, IOwnershipCorpusSource corpora, ICatalogSource catalogs, ILogger<OwnershipSemanticIndexService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!semantics.Enabled)
        {
            return;
        }

        if (catalogs is FileCatalogSource file)
        {
            file.Reloaded += OnReloaded;
        }

        try
        {
            semantics.Request(corpora.Current);
            while (await semantics.Requests.WaitToReadAsync(stoppingToken))
            {
                while (semantics.Requests.TryRead(out var corpus))
                {
                    await Task.Run(() => semantics.Build(corpus, stoppingToken), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (CatalogLoadException e)
        {
            Log.SemanticIndexFailed(logger, e);
        }
        finally
        {
            if (catalogs is FileCatalogSource watched)
            {
                watched.Reloaded -= OnReloaded;
            }
        }
    }

    private void OnReloaded(object? sender, CatalogReloadResult result)
    {
        if (result.Accepted)
        {
            semantics.Request(corpora.Current);
        }
    }
}
