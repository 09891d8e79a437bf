using Microsoft.Extensions.Options;

namespace SocBot.Reports;

public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options) =>
        options.PublicBaseUrl is not { } url || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(url.Query))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ReportsOptions.SectionName}:PublicBaseUrl must be an absolute http(s) address without a query, e.g. https://socbot.contoso.com/ (was '{options.PublicBaseUrl}').");
}
