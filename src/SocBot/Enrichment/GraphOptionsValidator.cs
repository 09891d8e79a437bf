using Microsoft.Extensions.Options;

namespace SocBot.Enrichment;

public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        const string Section = GraphOptions.SectionName;
        if (options.BaseUrl is not { IsAbsoluteUri: true } url
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute https address without a query (http only on loopback), e.g. https://graph.microsoft.com/v1.0 (was '{options.BaseUrl}').");
        }

        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            if (!Guid.TryParse(options.TenantId, out _))
            {
                failures.Add($"{Section}:TenantId must be the tenant's GUID when {Section}:ClientSecret is set (was '{options.TenantId}').");
            }

            if (!Guid.TryParse(options.ClientId, out _))
            {
                failures.Add($"{Section}:ClientId must be the app registration's GUID when {Section}:ClientSecret is set (was '{options.ClientId}').");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"{Section}:ClientId must be the managed identity's client id (a GUID) or unset for the system-assigned identity (was '{options.ClientId}').");
        }

        if (options.CacheFor <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:CacheFor must be positive, e.g. 00:15:00 (was '{options.CacheFor}').");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:Timeout must be positive and at most 00:01:00, e.g. 00:00:03 (was '{options.Timeout}').");
        }

        foreach (var (taskId, kind) in options.TaskEnrichments)
        {
            if (string.IsNullOrWhiteSpace(taskId))
            {
                failures.Add($"{Section}:TaskEnrichments has an empty task id.");
            }

            if (!Enum.IsDefined(kind))
            {
                failures.Add($"{Section}:TaskEnrichments:{taskId} must be one of {string.Join(", ", Enum.GetNames<LiveDataKind>())} (was '{kind}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
