namespace SocBot.Catalog;

/// <summary>
/// The catalog in force. Read <see cref="Current"/> each time it is needed rather than keeping the result:
/// the catalog may be reloaded while the bot runs.
/// </summary>
public interface ICatalogSource
{
    /// <summary>The current catalog; throws <see cref="CatalogLoadException"/> when the configured file is broken.</summary>
    SocCatalog Current { get; }
}
