using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SocBot.Telemetry;

namespace SocBot.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSocBotTelemetry_NothingConfigured_NoProviderAndNoExporter()
    {
        using var provider = Build(new());

        Assert.Null(provider.GetService<MeterProvider>());
        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Fact]
    public void AddSocBotTelemetry_OtlpEndpoint_MeterAndTracerProviders()
    {
        using var provider = Build(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4318" });

        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<TracerProvider>());
    }

    [Fact]
    public void AddSocBotTelemetry_ApplicationInsights_MeterAndTracerProviders()
    {
        using var provider = Build(new() { ["Telemetry:ApplicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/" });

        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<TracerProvider>());
    }

    [Fact]
    public void Validate_BadValues_NamesEachKey()
    {
        var options = new TelemetryOptions
        {
            ApplicationInsightsConnectionString = "not a connection string",
            OtlpEndpoint = new Uri("ftp://collector"),
            ExportInterval = TimeSpan.Zero,
        };

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Telemetry:ApplicationInsightsConnectionString", "Telemetry:OtlpEndpoint", "Telemetry:ExportInterval"],
            result.Failures!.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSocBotTelemetry(configuration);
        return services.BuildServiceProvider();
    }
}
