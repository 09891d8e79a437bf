using Microsoft.Extensions.Options;

namespace SocBot.Catalog;

/// <summary>
/// The catalog from SocBot:CatalogPath, or the built-in default when none is configured. Loaded on first use (the start-up
/// check makes that happen before the bot serves anything) and again on <see cref="Reload"/>, which the file watcher and
/// the `reload` command call. A reloaded file that does not load is rejected whole: the catalog in force stays.
/// </summary>
public sealed class FileCatalogSource(IOptions<CatalogOptions> options, TimeProvider time, ILogger<FileCatalogSource> logger) : ICatalogSource
{
    private readonly Lock _gate = new();

    // Replaced as a whole, so a reader sees one catalog or the next, never a mix; null until the first load.
    private volatile InForce? _inForce;

    /// <summary>Raised after every reload, accepted or rejected, on the thread that reloaded.</summary>
    public event EventHandler<CatalogReloadResult>? Reloaded;

    /// <summary>The configured file, or null for the built-in catalog (which never changes, so there is nothing to watch).</summary>
    public string? FilePath => options.Value.CatalogPath;

    public SocCatalog Current
    {
        get
        {
            var inForce = _inForce ?? LoadFirst();
            return inForce.Catalog ?? throw new CatalogLoadException(inForce.LoadErrors);
        }
    }

    public CatalogReloadResult? LastRejectedReload => _inForce?.Rejected;

    private string SourceName => FilePath ?? CatalogLoader.DefaultCatalogName;

    /// <summary>Reads the catalog again; a good one replaces the catalog in force, a broken one is logged and leaves it.</summary>
    public CatalogReloadResult Reload()
    {
        CatalogReloadResult result;
        lock (_gate)
        {
            var loaded = Read();
            var previous = _inForce;
            if (loaded.Catalog is { } catalog)
            {
                result = new CatalogReloadResult(SourceName, time.GetUtcNow(), catalog, []);
                _inForce = new InForce(catalog, [], null);
                Log.CatalogReloaded(logger, SourceName, catalog.Teams.Count, catalog.Tasks.Count);
            }
            else
            {
                var kept = previous?.Catalog;
                result = new CatalogReloadResult(SourceName, time.GetUtcNow(), kept, loaded.Errors);
                _inForce = new InForce(kept, kept is null ? loaded.Errors : [], result);
                Log.CatalogReloadRejected(logger, SourceName, loaded.Errors.Count, string.Join(Environment.NewLine, loaded.Errors));
            }
        }

        Reloaded?.Invoke(this, result);
        return result;
    }

    private InForce LoadFirst()
    {
        lock (_gate)
        {
            if (_inForce is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var loaded = Read();
            if (loaded.Catalog is { } catalog)
            {
                Log.CatalogLoaded(logger, SourceName, catalog.Teams.Count, catalog.Tasks.Count);
            }

            var inForce = new InForce(loaded.Catalog, loaded.Errors, null);
            _inForce = inForce;
            return inForce;
        }
    }

    private CatalogLoadResult Read() =>
        FilePath is { } path ? CatalogLoader.ReadFile(path) : CatalogLoader.Parse(CatalogLoader.ReadDefaultText(), CatalogLoader.DefaultCatalogName);

    /// <summary>The catalog in force (null only while no file has ever loaded), why it is missing, and the last rejected reload.</summary>
    private sealed record InForce(SocCatalog? Catalog, IReadOnlyList<CatalogError> LoadErrors, CatalogReloadResult? Rejected);
}
