using BenchmarkDotNet.Attributes;
using SocBot.Catalog;

namespace SocBot.Benchmarks.Catalog;

/// <summary>Start-up cost of the catalog: parsing and validating the shipped file, and importing the two seed pages.</summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private string _defaultText = "";
    private byte[] _tasksPage = [];
    private byte[] _rolesPage = [];

    [GlobalSetup]
    public void ReadInputs()
    {
        _defaultText = CatalogLoader.ReadDefaultText();
        var seeds = Path.Combine(FindRepositoryRoot(), "tests", "SocBot.Tests", "TestData", "Seeds");
        _tasksPage = File.ReadAllBytes(Path.Combine(seeds, "000_89fee7269c763c63.txt"));
        _rolesPage = File.ReadAllBytes(Path.Combine(seeds, "004_fb3de7e811f02793.txt"));
    }

    [Benchmark]
    public SocCatalog? LoadAndValidateDefault() => CatalogLoader.Parse(_defaultText, "default-catalog.yaml").Catalog;

    [Benchmark]
    public CatalogImportResult ImportSeeds() => CatalogImporter.Import(_tasksPage, "tasks.md", _rolesPage, "roles.md");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SocBot.sln above {AppContext.BaseDirectory}.");
    }
}
