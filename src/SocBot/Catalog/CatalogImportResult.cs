namespace SocBot.Catalog;

/// <summary>An imported catalog and every normalization made to get it.</summary>
public sealed record CatalogImportResult(SocCatalog Catalog, IReadOnlyList<ImportNote> Notes);
