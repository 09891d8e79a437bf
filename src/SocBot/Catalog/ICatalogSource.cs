namespace SocBot.Catalog;

/// <summary>
/// The catalog in force. Read <see cref="Current"/> each time it is needed rather than keeping the result:
/// the catalog may be reloaded while the bot runs.
/// </summary>
public interface ICatalogSource
{
    /// <summary>The current catalog; throws <see cref="CatalogLoadException"/> when the configured file is broken.</summary>
    SocCatalog Current { get; }

    /// <summary>
    /// The last reload when it was rejected (the catalog before it is still in force), or null when the last reload was
    /// accepted or there has been none. A source that never reloads never has one.
    /// </summary>
    CatalogReloadResult? LastRejectedReload => null;
}
