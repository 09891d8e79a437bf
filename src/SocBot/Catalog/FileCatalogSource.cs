using Microsoft.Extensions.Options;

namespace SocBot.Catalog;

/// <summary>
/// The catalog from SocBot:CatalogPath, or the built-in default when none is configured. Loaded once, on first use
/// (the start-up check makes that first use happen before the bot serves anything), so a changed file is picked up on restart.
/// </summary>
public sealed class FileCatalogSource : ICatalogSource
{
    private readonly Lazy<SocCatalog> _catalog;

    public FileCatalogSource(IOptions<CatalogOptions> options, ILogger<FileCatalogSource> logger)
    {
        _catalog = new Lazy<SocCatalog>(() => Load(options.Value.CatalogPath, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SocCatalog Current => _catalog.Value;

    private static SocCatalog Load(string? path, ILogger logger)
    {
        var catalog = path is null ? CatalogLoader.LoadDefault() : CatalogLoader.LoadFile(path);
        Log.CatalogLoaded(logger, path ?? CatalogLoader.DefaultCatalogName, catalog.Teams.Count, catalog.Tasks.Count);
        return catalog;
    }
}
