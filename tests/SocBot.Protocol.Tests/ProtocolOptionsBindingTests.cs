using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;
using SocBot.Protocol.Connector;

namespace SocBot.Protocol.Tests;

/// <summary>List options bound through AddBotProtocol, as the host binds them: configured values replace the defaults.</summary>
public sealed class ProtocolOptionsBindingTests
{
    [Fact]
    public void Pacing_NothingConfigured_GetsTeamsLimits()
    {
        var pacing = Resolve<ConnectorPacingOptions>([]);

        Assert.Equal(ConnectorPacingOptions.TeamsPerThread, pacing.PerThread);
        Assert.Equal([new RateWindow(TimeSpan.FromSeconds(1), 50)], pacing.PerTenant);
    }

    [Fact]
    public void Pacing_ConfiguredWindows_ReplaceTheDefaults()
    {
        var pacing = Resolve<ConnectorPacingOptions>(new()
        {
            ["Connector:Pacing:PerTenant:0:Length"] = "00:00:01",
            ["Connector:Pacing:PerTenant:0:Limit"] = "100",
            ["Connector:Pacing:PerThread:0:Length"] = "00:00:02",
            ["Connector:Pacing:PerThread:0:Limit"] = "5",
            ["Connector:Pacing:PerThread:1:Length"] = "01:00:00",
            ["Connector:Pacing:PerThread:1:Limit"] = "900",
            ["Connector:Pacing:MaxWait"] = "00:00:05",
        });

        Assert.Equal([new RateWindow(TimeSpan.FromSeconds(1), 100)], pacing.PerTenant);
        Assert.Equal([new RateWindow(TimeSpan.FromSeconds(2), 5), new RateWindow(TimeSpan.FromHours(1), 900)], pacing.PerThread);
        Assert.Equal(TimeSpan.FromSeconds(5), pacing.MaxWait);
    }

    [Theory]
    [InlineData("Limit", "100", "Connector:Pacing:PerTenant:0:Length")]
    [InlineData("Length", "00:00:01", "Connector:Pacing:PerTenant:0:Limit")]
    public void Pacing_WindowMissingItsLimitOrLength_FailsAtStartNamingTheKey(string given, string value, string missingKey)
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Resolve<ConnectorPacingOptions>(new() { [$"Connector:Pacing:PerTenant:0:{given}"] = value }));

        Assert.Contains(failure.Failures, f => f.StartsWith(missingKey, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidIssuers_NothingConfigured_IsTheBotFrameworkIssuer()
    {
        Assert.Equal(["https://api.botframework.com"], Resolve<BotAuthenticationOptions>([]).ValidIssuers);
    }

    [Fact]
    public void ValidIssuers_Configured_ReplaceTheDefault()
    {
        var options = Resolve<BotAuthenticationOptions>(new()
        {
            ["BotAuthentication:ValidIssuers:0"] = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            ["BotAuthentication:ValidIssuers:1"] = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        });

        Assert.Equal(
            ["https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0"],
            options.ValidIssuers);
    }

    [Fact]
    public void TrustedServiceUrls_Configured_AreExactlyThoseUrls()
    {
        var options = Resolve<BotAuthenticationOptions>(new() { ["BotAuthentication:TrustedServiceUrls:0"] = "https://smba.trafficmanager.net/emea/" });

        Assert.Equal([new Uri("https://smba.trafficmanager.net/emea/")], options.TrustedServiceUrls);
    }

    private static T Resolve<T>(Dictionary<string, string?> settings)
        where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new DevelopmentEnvironment());
        services.AddBotProtocol("Bot");
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "SocBot.Protocol.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
