using Microsoft.Extensions.Options;

namespace SocBot.Telemetry;

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        const string Section = TelemetryOptions.SectionName;
        if (options.ApplicationInsightsConnectionString is { } connection && !string.IsNullOrWhiteSpace(connection)
            && !connection.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:ApplicationInsightsConnectionString must be the resource's connection string, 'InstrumentationKey=...;IngestionEndpoint=...'.");
        }

        if (options.OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{Section}:OtlpEndpoint must be an absolute http or https address, e.g. http://localhost:4318 (was '{endpoint}').");
        }

        if (options.ExportInterval < TimeSpan.FromSeconds(1) || options.ExportInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:ExportInterval must be between 00:00:01 and 01:00:00 (was '{options.ExportInterval}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
