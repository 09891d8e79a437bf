namespace SocBot.Catalog;

/// <summary>A catalog source that always answers the same catalog: for tests and tools that already hold one.</summary>
public sealed class FixedCatalogSource(SocCatalog catalog) : ICatalogSource
{
    public SocCatalog Current { get; } = catalog;
}
