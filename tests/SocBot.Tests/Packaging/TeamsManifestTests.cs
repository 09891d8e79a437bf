using System.Text.Json.Nodes;
using SocBot.Packaging;
using SocBot.Testing;

namespace SocBot.Tests.Packaging;

public sealed class TeamsManifestTests
{
    [Fact]
    public async Task FillManifest_RepositoryTemplate_ValidatesAgainstTheNewestOfficialSchema()
    {
        var manifest = TeamsAppPackager.FillManifest(PackagingFixture.Template, PackagingFixture.Parameters);

        var result = await ManifestSchema.ValidateAsync(manifest);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(NewestSchemaVersionInPackage(), result.GetProperty("manifestVersion").GetString());
        Assert.Equal(result.GetProperty("newestVersion").GetString(), result.GetProperty("manifestVersion").GetString());
    }

    [Fact]
    public async Task ValidateManifest_UnfilledTemplate_FailsOnTheIds()
    {
        var result = await ManifestSchema.ValidateAsync(PackagingFixture.Template);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("/id", ManifestSchema.ErrorPaths(result));
        Assert.Contains("/bots/0/botId", ManifestSchema.ErrorPaths(result));
    }

    [Fact]
    public async Task ValidateManifest_BrokenFields_ReportsEachOne()
    {
        var manifest = JsonNode.Parse(TeamsAppPackager.FillManifest(PackagingFixture.Template, PackagingFixture.Parameters))!;
        manifest["accentColor"] = "blue";
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");
        manifest["name"]!["short"] = new string('S', 31);

        var result = await ManifestSchema.ValidateAsync(manifest.ToJsonString());

        Assert.False(result.GetProperty("ok").GetBoolean());
        var paths = ManifestSchema.ErrorPaths(result).ToList();
        Assert.Contains("/accentColor", paths);
        Assert.Contains("/bots/0/scopes/3", paths);
        Assert.Contains("/name/short", paths);
    }

    [Fact]
    public void FillManifest_Parameters_FillIdsDomainAndVersion()
    {
        var manifest = JsonNode.Parse(TeamsAppPackager.FillManifest(PackagingFixture.Template, PackagingFixture.Parameters))!;

        Assert.Equal(PackagingFixture.AppId.ToString(), (string?)manifest["id"]);
        Assert.Equal(PackagingFixture.BotId.ToString(), (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([PackagingFixture.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"https://{PackagingFixture.Domain}/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FillManifest_Bot_HasTheThreeScopesAndTheCommands()
    {
        var bot = JsonNode.Parse(TeamsAppPackager.FillManifest(PackagingFixture.Template, PackagingFixture.Parameters))!["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();

        Assert.Equal(["team", "personal", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["team", "personal", "groupChat"], lists.SelectMany(l => l!["scopes"]!.AsArray()).Select(s => (string?)s));
        var teamCommands = lists[0]!["commands"]!.AsArray().Select(c => (string?)c!["title"]);
        Assert.Equal(["help", "who owns", "due", "status", "link", "run", "tasks"], teamCommands);
        Assert.Equal(["color.png", "outline.png"], new[] { "color", "outline" }.Select(k => (string?)JsonNode.Parse(PackagingFixture.Template)!["icons"]![k]));
    }

    [Fact]
    public void FillManifest_UnknownPlaceholder_Throws()
    {
        const string template = """{"id":"${{APP_ID}}","name":"${{SOMETHING_ELSE}}"}""";

        var error = Assert.Throws<InvalidOperationException>(() => TeamsAppPackager.FillManifest(template, PackagingFixture.Parameters));
        Assert.Contains("SOMETHING_ELSE", error.Message, StringComparison.Ordinal);
    }

    private static string NewestSchemaVersionInPackage() =>
        Directory.GetDirectories(NodeTools.Require(Path.Combine("@microsoft", "app-manifest", "build", "json-schemas", "teams")))
            .Select(Path.GetFileName)
            .Where(name => name is not null && name.StartsWith('v') && Version.TryParse(name[1..], out _))
            .Select(name => Version.Parse(name![1..]))
            .Max()!
            .ToString();
}
