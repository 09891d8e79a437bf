namespace SocBot.Catalog;

/// <summary>
/// What came of reading the catalog again: accepted (<see cref="Catalog"/> is now in force) or rejected with every error
/// found, in which case the catalog that was in force stays and <see cref="Catalog"/> is that one (null if none ever loaded).
/// </summary>
public sealed record CatalogReloadResult(string Source, DateTimeOffset At, SocCatalog? Catalog, IReadOnlyList<CatalogError> Errors)
{
    public bool Accepted => Errors.Count == 0;
}
