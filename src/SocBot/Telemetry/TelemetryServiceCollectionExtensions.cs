using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SocBot.Protocol.Connector;

namespace SocBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (SocBot's two meters, ASP.NET Core, HttpClient) and traces (ASP.NET Core, HttpClient), exported to
    /// Application Insights and/or an OTLP collector. With no exporter configured nothing is registered: no SDK, no cost.
    /// </summary>
    public static IServiceCollection AddSocBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();

        // Whether to register the SDK is decided from configuration now; the validator above still fails start-up on bad values.
        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("SocBot"))
            .WithMetrics(metrics => metrics
                .AddMeter(SocBotMetrics.MeterName, ConnectorMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        services.Configure<MetricReaderOptions>(reader =>
            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.ExportInterval.TotalMilliseconds);

        if (!string.IsNullOrWhiteSpace(settings.ApplicationInsightsConnectionString))
        {
            telemetry
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = settings.ApplicationInsightsConnectionString))
                .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = settings.ApplicationInsightsConnectionString));
        }

        if (settings.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, endpoint);
        }

        return services;
    }
}
