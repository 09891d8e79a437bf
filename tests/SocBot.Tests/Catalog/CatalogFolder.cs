namespace SocBot.Tests.Catalog;

/// <summary>
/// A folder of its own holding one catalog file, deleted when the test ends: the watcher watches the folder, so tests
/// must not share one (or the temp folder itself) with other tests' files.
/// </summary>
internal sealed class CatalogFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("socbot-catalog-");

    public CatalogFolder(string text)
    {
        CatalogPath = System.IO.Path.Combine(_folder.FullName, "catalog.yaml");
        File.WriteAllText(CatalogPath, text);
    }

    public string CatalogPath { get; }

    /// <summary>Another file's path in the same folder.</summary>
    public string Sibling(string name) => System.IO.Path.Combine(_folder.FullName, name);

    public void Dispose() => _folder.Delete(recursive: true);
}
