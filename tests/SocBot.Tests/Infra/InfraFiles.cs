using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

/// <summary>infra/ compiled once per test run by the real bicep compiler, and the app settings its app module gives the web app.</summary>
public static class InfraFiles
{
    private static readonly Lazy<Task<CompiledInfra>> Compiled = new(CompileAsync);

    public static string MainPath => RepoPaths.Combine("infra", "main.bicep");

    public static string ParametersPath => RepoPaths.Combine("infra", "main.parameters.json");

    public static Task<CompiledInfra> CompiledMain => Compiled.Value;

    /// <summary>The site's app settings as App Service would receive them, for the given values of the app module's parameters.</summary>
    public static IReadOnlyList<AppServiceSetting> AppSettings(ArmTemplate appModule, IReadOnlyDictionary<string, JsonNode?> parameterValues)
    {
        var site = appModule.SingleResource("Microsoft.Web/sites");
        var settings = appModule.Evaluate(site["properties"]!["siteConfig"]!["appSettings"], parameterValues) as JsonArray
            ?? throw new FormatException("The site's appSettings do not evaluate to an array.");
        return settings.Select(s => new AppServiceSetting((string)s!["name"]!, (string)s["value"]!)).ToList();
    }

    private static async Task<CompiledInfra> CompileAsync()
    {
        var outFile = Path.Combine(Directory.CreateTempSubdirectory("socbot-bicep-").FullName, "main.json");
        var diagnostics = await BicepCli.BuildAsync(MainPath, outFile);
        return new CompiledInfra(File.Exists(outFile) ? ArmTemplate.Load(outFile) : null, diagnostics);
    }
}
