namespace SocBot.Catalog;

/// <summary>Where the catalog comes from: section "SocBot", key CatalogPath.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "SocBot";

    /// <summary>The catalog file (relative paths from the working directory); unset uses the built-in default catalog.</summary>
    public string? CatalogPath { get; set; }
}
