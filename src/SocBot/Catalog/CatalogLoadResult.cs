namespace SocBot.Catalog;

/// <summary>A parsed catalog, or every error that kept it from loading (never both).</summary>
public sealed record CatalogLoadResult(SocCatalog? Catalog, IReadOnlyList<CatalogError> Errors)
{
    public SocCatalog GetCatalogOrThrow() => Catalog ?? throw new CatalogLoadException(Errors);
}
