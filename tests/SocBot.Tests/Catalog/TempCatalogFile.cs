namespace SocBot.Tests.Catalog;

/// <summary>A catalog file in the temp folder, deleted when the test ends.</summary>
internal sealed class TempCatalogFile : IDisposable
{
    public TempCatalogFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"socbot-catalog-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
