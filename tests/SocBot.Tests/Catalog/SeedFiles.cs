namespace SocBot.Tests.Catalog;

/// <summary>The two seed documents, copied unchanged as fixtures.</summary>
internal static class SeedFiles
{
    public static string TasksPath => RepoPaths.Combine("tests", "SocBot.Tests", "TestData", "Seeds", "000_89fee7269c763c63.txt");

    public static string RolesPath => RepoPaths.Combine("tests", "SocBot.Tests", "TestData", "Seeds", "004_fb3de7e811f02793.txt");

    public static string ShippedCatalogPath => RepoPaths.Combine("src", "SocBot", "Catalog", "default-catalog.yaml");

    public static string SchemaPath => RepoPaths.Combine("src", "SocBot", "Catalog", "catalog.schema.json");
}
