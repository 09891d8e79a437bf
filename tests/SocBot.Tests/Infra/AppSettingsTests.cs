using System.Text.RegularExpressions;

namespace SocBot.Tests.Infra;

/// <summary>The Bicep app settings and the app agree: every name is a key the app binds, and the values make a valid configuration.</summary>
public sealed partial class AppSettingsTests
{
    /// <summary>Read by the platform or the host, not by SocBot's options; each with the reason it is there.</summary>
    private static readonly HashSet<string> PlatformSettings = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", // the host's environment: Production switches on JSON logs and requires an app id
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // the App Service Application Insights agent
        "ApplicationInsightsAgent_EXTENSION_VERSION", // switches that agent on
    };

    /// <summary>Plausible values for the Bicep parameters that app settings take their values from.</summary>
    private static readonly Dictionary<string, string> SampleParameterValues = new(StringComparer.Ordinal)
    {
        ["identityClientId"] = "6b2b6f7e-3f43-4c55-8a3c-6f1a4f0b9d21",
        ["tenantId"] = "2f1c6d0e-9b8a-4e3f-a1b2-c3d4e5f60718",
        ["allowedTenantId"] = "2f1c6d0e-9b8a-4e3f-a1b2-c3d4e5f60718",
        ["tablesEndpoint"] = "https://stsocbotabc.table.core.windows.net/",
        ["tableName"] = "SocBotState",
        ["shutdownTimeout"] = "00:00:30",
        ["catalogPath"] = RepoPaths.Combine("src", "SocBot", "Catalog", "default-catalog.yaml"),
        ["adminObjectId"] = "9d3f7c1a-4b2e-4f6a-8c5d-0e1f2a3b4c5d",
        ["applicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
    };

    [Fact]
    public void ReadAppSettings_AppModule_FindsTheIdentityStorageAndTenantSettings()
    {
        var names = InfraFiles.ReadAppSettings(InfraFiles.AppModule).Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Superset(
            new HashSet<string> { "ASPNETCORE_ENVIRONMENT", "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "Storage__TablesEndpoint", "SocBot__AllowedTenantIds__0" },
            names.ToHashSet());
    }

    [Fact]
    public void AppSettings_SiteConfig_UsesOnlyTheSettingsVariables()
    {
        var module = InfraFiles.AppModule;
        var settingVariables = module.Variables.Keys.Where(k => k.EndsWith("Settings", StringComparison.Ordinal)).ToHashSet();

        var referenced = IdentifierPattern().Matches(module.Property("appSettings")).Select(m => m.Value).Where(id => id != "concat").ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, id => Assert.Contains(id, settingVariables));
        Assert.Equal(settingVariables.Order(), referenced.Order());
    }

    [Fact]
    public void AppSettings_EveryName_IsAKeyTheAppBinds()
    {
        var settings = InfraFiles.ReadAppSettings(InfraFiles.AppModule);
        var probe = Probe(settings);

        var unknown = probe.UnknownKeys(settings.Where(s => !PlatformSettings.Contains(s.Name)).Select(s => s.ConfigurationKey));

        Assert.Empty(unknown);
        Assert.All(settings, s => Assert.Matches("^[A-Za-z][A-Za-z0-9_]*$", s.Name));
    }

    [Theory]
    [InlineData("SocBot__NoSuchSetting")]
    [InlineData("Storage__TablesEndpiont")]
    [InlineData("MicrosoftAppPasword")]
    [InlineData("Connector__Retry__Attempts")]
    public void UnknownKeys_BogusSettingName_Reported(string bogus)
    {
        var settings = InfraFiles.ReadAppSettings(InfraFiles.AppModule).Append(new BicepAppSetting(bogus, "'x'")).ToList();
        var probe = Probe(settings);

        var unknown = probe.UnknownKeys(settings.Where(s => !PlatformSettings.Contains(s.Name)).Select(s => s.ConfigurationKey));

        Assert.Equal([bogus.Replace("__", ":", StringComparison.Ordinal)], unknown);
    }

    [Fact]
    public void AppSettings_BicepValues_PassEveryOptionsValidatorInProduction()
    {
        var settings = InfraFiles.ReadAppSettings(InfraFiles.AppModule);

        var probe = Probe(settings);

        Assert.Empty(probe.ValidationFailures);
        Assert.Contains(typeof(SocBot.State.StorageOptions), probe.OptionsTypes);
        Assert.Contains(typeof(SocBot.Protocol.Authentication.BotCredentialsOptions), probe.OptionsTypes);
    }

    [Fact]
    public void Probe_ProductionWithoutAppId_ReportsTheMissingCredential()
    {
        var probe = AppConfigurationProbe.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), "probe.db") }, "Production");

        Assert.Contains(probe.ValidationFailures, f => f.StartsWith("MicrosoftAppId is not set", StringComparison.Ordinal));
    }

    private static AppConfigurationProbe Probe(IReadOnlyList<BicepAppSetting> settings)
    {
        var values = settings.ToDictionary(s => s.ConfigurationKey, s => (string?)Value(s), StringComparer.OrdinalIgnoreCase);
        var environment = values.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? throw new InvalidOperationException("The Bicep sets no ASPNETCORE_ENVIRONMENT.");
        return AppConfigurationProbe.Run(values, environment);
    }

    /// <summary>A literal's text, or the sample for a parameter reference; anything else the test cannot evaluate and refuses.</summary>
    private static string Value(BicepAppSetting setting)
    {
        var expression = setting.ValueExpression;
        if (LiteralPattern().Match(expression) is { Success: true } literal)
        {
            return literal.Groups["text"].Value;
        }

        return SampleParameterValues.TryGetValue(expression, out var sample)
            ? sample
            : throw new InvalidOperationException($"App setting {setting.Name} has the value expression '{expression}', which has no sample value in this test.");
    }

    [GeneratedRegex(@"^'(?<text>[^'$]*)'$")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex IdentifierPattern();
}
