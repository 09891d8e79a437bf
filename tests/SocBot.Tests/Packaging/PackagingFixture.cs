using SocBot.Packaging;
using SocBot.Testing;

namespace SocBot.Tests.Packaging;

internal static class PackagingFixture
{
    public static readonly Guid AppId = Guid.Parse("4f1c2a9e-7d3b-4c5e-9a8f-1b2c3d4e5f60");
    public static readonly Guid BotId = Guid.Parse("8a0b6c2d-1e3f-4a5b-8c7d-9e0f1a2b3c4d");
    public const string Domain = "socbot-contoso.azurewebsites.net";

    public static AppPackageParameters Parameters { get; } = new(AppId, BotId, Domain, "1.2.3");

    public static string ManifestDirectory => RepoPaths.Combine("manifest");

    public static string Template => File.ReadAllText(Path.Combine(ManifestDirectory, TeamsAppPackager.ManifestFileName));
}
