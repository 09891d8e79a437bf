namespace SocBot.Testing;

/// <summary>Finds files of the repository from a test's output folder, wherever the clone lives.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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
