using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocBot.Tests.Infra;

/// <summary>The compiled template and the app agree: the parameters file, the resources, and the paths the Azure resources call.</summary>
public sealed partial class BicepConsistencyTests
{
    [Fact]
    public async Task ParametersFile_EveryParameter_IsDeclaredAndRequiredOnesAreGiven()
    {
        var main = (await InfraFiles.CompiledMain).RequireTemplate();
        using var file = JsonDocument.Parse(File.ReadAllText(InfraFiles.ParametersPath));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.All(given, name => Assert.Contains(name, main.Parameters.Keys));
        Assert.All(main.Parameters.Where(p => !p.Value).Select(p => p.Key), name => Assert.Contains(name, given));
    }

    [Fact]
    public async Task Resources_CompiledTemplate_DeclareTheIdentityStorageAppBotAndMonitoring()
    {
        var main = (await InfraFiles.CompiledMain).RequireTemplate();

        Assert.Equal(["storage", "monitoring", "app", "bot"], main.ModuleNames);
        Assert.Equal(
            [
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.BotService/botServices",
                "Microsoft.BotService/botServices/channels",
                "Microsoft.Insights/components",
                "Microsoft.Insights/diagnosticSettings",
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.OperationalInsights/workspaces",
                "Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/tableServices",
                "Microsoft.Storage/storageAccounts/tableServices/tables",
                "Microsoft.Web/serverfarms",
                "Microsoft.Web/sites",
            ],
            main.ResourceTypesDeep.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ModuleParameters_TableAndIdentity_TheSameForStorageAppAndBot()
    {
        var main = (await InfraFiles.CompiledMain).RequireTemplate();
        var storage = main.ModuleParameterExpressions("storage");
        var app = main.ModuleParameterExpressions("app");
        var bot = main.ModuleParameterExpressions("bot");

        // The table the app is told to use (Storage:TableName) is the one the storage module creates.
        Assert.Equal(storage["tableName"], app["tableName"]);
        // The bot's app id (MicrosoftAppId) is the identity the Azure Bot resource is registered with.
        Assert.Equal(bot["identityClientId"], app["identityClientId"]);
        Assert.Equal(bot["identityId"], app["identityId"]);
    }

    [Fact]
    public async Task Paths_HealthCheckAndMessagingEndpoint_AreRoutesTheAppMaps()
    {
        var main = (await InfraFiles.CompiledMain).RequireTemplate();
        var site = main.Module("app").SingleResource("Microsoft.Web/sites");
        var healthCheckPath = (string)site["properties"]!["siteConfig"]!["healthCheckPath"]!;
        var messagingEndpoint = MessagingEndpointPattern().Match(main.ModuleParameterExpressions("bot")["messagingEndpoint"]);

        var routes = AppRoutes.Patterns();

        Assert.True(messagingEndpoint.Success, "The bot's messagingEndpoint is not https://<app host>/<path>.");
        Assert.Contains(healthCheckPath, routes);
        Assert.Contains(messagingEndpoint.Groups["path"].Value, routes);
    }

    [GeneratedRegex(@"format\('https://\{0\}(?<path>/[^']*)'")]
    private static partial Regex MessagingEndpointPattern();
}
