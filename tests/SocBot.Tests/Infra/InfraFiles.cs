using System.Text.RegularExpressions;

namespace SocBot.Tests.Infra;

/// <summary>The Bicep files of infra/ and the app settings the app module gives the web app.</summary>
public static partial class InfraFiles
{
    public static BicepText Main => BicepText.Load("infra", "main.bicep");

    public static BicepText AppModule => BicepText.Load("infra", "modules", "app.bicep");

    public static string ParametersPath => RepoPaths.Combine("infra", "main.parameters.json");

    /// <summary>Every object with a literal <c>name</c> and a <c>value</c> in the vars whose name ends in "Settings".</summary>
    public static IReadOnlyList<BicepAppSetting> ReadAppSettings(BicepText module) =>
        module.Variables
            .Where(v => v.Key.EndsWith("Settings", StringComparison.Ordinal))
            .SelectMany(v => SettingPattern().Matches(v.Value))
            .Select(m => new BicepAppSetting(m.Groups["name"].Value, m.Groups["value"].Value.Trim()))
            .ToList();

    [GeneratedRegex(@"name:\s*'(?<name>[^']*)'\s*\n\s*value:\s*(?<value>[^\n]+)")]
    private static partial Regex SettingPattern();
}
