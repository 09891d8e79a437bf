using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

/// <summary>The compiled template's app settings and the app agree: every name is a key the app binds, and the values make a valid configuration.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by the platform or the host, not by SocBot's options; each with the reason it is there.</summary>
    private static readonly HashSet<string> PlatformSettings = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", // the host's environment: Production switches on JSON logs and requires an app id
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // the App Service Application Insights agent
        "ApplicationInsightsAgent_EXTENSION_VERSION", // switches that agent on
    };

    private static readonly string[] CoreSettings =
    [
        "ASPNETCORE_ENVIRONMENT", "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "Storage__TablesEndpoint",
        "Storage__ManagedIdentityClientId", "Storage__TableName", "SocBot__AllowedTenantIds__0", "SocBot__ShutdownTimeout",
    ];

    [Fact]
    public async Task AppSettings_OptionalParametersGiven_CoreAndEveryOptionalSettingOnce()
    {
        var names = (await Settings(EveryOptionGiven)).Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            [.. CoreSettings, "SocBot__CatalogPath", "SocBot__AdminObjectIds__0", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Telemetry__ApplicationInsightsConnectionString", "ApplicationInsightsAgent_EXTENSION_VERSION"],
            names);
    }

    [Fact]
    public async Task AppSettings_OptionalParametersEmpty_OnlyTheCoreSettings()
    {
        var settings = await Settings(new()
        {
            ["catalogPath"] = "",
            ["adminObjectId"] = "",
            ["applicationInsightsConnectionString"] = "",
        });

        Assert.Equal(CoreSettings, settings.Select(s => s.Name));
        Assert.Equal("UserAssignedMSI", settings.Single(s => s.Name == "MicrosoftAppType").Value);
    }

    [Fact]
    public async Task AppSettings_EveryName_IsAKeyTheAppBinds()
    {
        var settings = await Settings(EveryOptionGiven);
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
    public async Task UnknownKeys_BogusSettingName_Reported(string bogus)
    {
        var settings = (await Settings(EveryOptionGiven)).Append(new AppServiceSetting(bogus, "x")).ToList();
        var probe = Probe(settings);

        var unknown = probe.UnknownKeys(settings.Where(s => !PlatformSettings.Contains(s.Name)).Select(s => s.ConfigurationKey));

        Assert.Equal([bogus.Replace("__", ":", StringComparison.Ordinal)], unknown);
    }

    [Fact]
    public async Task AppSettings_CompiledValues_PassEveryOptionsValidatorInProduction()
    {
        var probe = Probe(await Settings(EveryOptionGiven));

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

    /// <summary>Plausible values for the app module's parameters, every optional one given.</summary>
    private static Dictionary<string, JsonNode?> EveryOptionGiven => new()
    {
        ["name"] = "app-socbot-abc",
        ["location"] = "westeurope",
        ["sku"] = "B1",
        ["instanceCount"] = 1,
        ["identityId"] = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-socbot",
        ["identityClientId"] = "6b2b6f7e-3f43-4c55-8a3c-6f1a4f0b9d21",
        ["tenantId"] = "2f1c6d0e-9b8a-4e3f-a1b2-c3d4e5f60718",
        ["allowedTenantId"] = "2f1c6d0e-9b8a-4e3f-a1b2-c3d4e5f60718",
        ["tablesEndpoint"] = "https://stsocbotabc.table.core.windows.net/",
        ["tableName"] = "SocBotState",
        ["shutdownTimeout"] = "00:00:30",
        ["catalogPath"] = RepoPaths.Combine("src", "SocBot", "Catalog", "default-catalog.yaml"),
        ["adminObjectId"] = "9d3f7c1a-4b2e-4f6a-8c5d-0e1f2a3b4c5d",
        ["applicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        ["logAnalyticsWorkspaceId"] = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log-socbot",
    };

    private static async Task<IReadOnlyList<AppServiceSetting>> Settings(Dictionary<string, JsonNode?> overrides)
    {
        var values = EveryOptionGiven;
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        var appModule = (await InfraFiles.CompiledMain).RequireTemplate().Module("app");
        return InfraFiles.AppSettings(appModule, values);
    }

    private static AppConfigurationProbe Probe(IReadOnlyList<AppServiceSetting> settings)
    {
        var values = settings.ToDictionary(s => s.ConfigurationKey, s => (string?)s.Value, StringComparer.OrdinalIgnoreCase);
        var environment = values.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? throw new InvalidOperationException("The template sets no ASPNETCORE_ENVIRONMENT.");
        return AppConfigurationProbe.Run(values, environment);
    }
}
