using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocBot.Enrichment;

namespace SocBot.Tests.Enrichment;

public sealed class GraphOptionsValidatorTests
{
    [Fact]
    public void Validate_DisabledWithNonsense_Succeeds()
    {
        var options = new GraphOptions { Enabled = false, ClientSecret = "s3cret", Timeout = TimeSpan.Zero };

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithDefaults_SucceedsForManagedIdentity()
    {
        var result = new GraphOptionsValidator().Validate(null, new GraphOptions { Enabled = true });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_SecretWithoutTenantOrClient_NamesBothKeys()
    {
        var options = new GraphOptions { Enabled = true, ClientSecret = "s3cret" };

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(["Graph:TenantId", "Graph:ClientId"], result.Failures!.Select(KeyOf));
    }

    [Fact]
    public void Validate_HttpOffLoopbackZeroTimeoutAndCache_NamesEachKey()
    {
        var options = new GraphOptions
        {
            Enabled = true,
            BaseUrl = new Uri("http://graph.contoso.com/v1.0"),
            Timeout = TimeSpan.Zero,
            CacheFor = TimeSpan.FromMinutes(-1),
        };

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Equal(["Graph:BaseUrl", "Graph:CacheFor", "Graph:Timeout"], result.Failures!.Select(KeyOf));
    }

    [Fact]
    public void Validate_HttpOnLoopback_Succeeds()
    {
        var options = new GraphOptions { Enabled = true, BaseUrl = new Uri("http://127.0.0.1:5005/v1.0") };

        Assert.True(new GraphOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UnknownKindInTaskEnrichments_NamesTheTask()
    {
        var options = new GraphOptions { Enabled = true };
        options.TaskEnrichments["run-ir-tabletop-exercise"] = (LiveDataKind)42;

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Equal(["Graph:TaskEnrichments:run-ir-tabletop-exercise"], result.Failures!.Select(KeyOf));
    }

    [Fact]
    public void AddEnrichment_EnabledWithBadConfiguration_FailsOnFirstUseNamingTheKey()
    {
        using var services = Build(new Dictionary<string, string?> { ["Graph:Enabled"] = "true", ["Graph:Timeout"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Contains(error.Failures, f => KeyOf(f) == "Graph:Timeout");
    }

    [Fact]
    public void AddEnrichment_SecretConfigured_SignsInWithTheClientSecret()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:TenantId"] = "00000001-0001-0001-0001-000000000001",
            ["Graph:ClientId"] = "00000002-0002-0002-0002-000000000002",
            ["Graph:ClientSecret"] = "s3cret",
        });

        Assert.IsType<ClientSecretCredential>(services.GetRequiredKeyedService<TokenCredential>(GraphOptions.SectionName));
    }

    [Fact]
    public void AddEnrichment_NoSecret_SignsInWithManagedIdentity()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:ClientId"] = "00000002-0002-0002-0002-000000000002",
        });

        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredKeyedService<TokenCredential>(GraphOptions.SectionName));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEnrichment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static string KeyOf(string failure) => failure.Split(' ')[0];
}
