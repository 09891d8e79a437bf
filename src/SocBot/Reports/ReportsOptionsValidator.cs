using Microsoft.Extensions.Options;

namespace SocBot.Reports;

public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        if (options.PublicBaseUrl is not { } url)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"{ReportsOptions.SectionName}:PublicBaseUrl must be an absolute http(s) address without a query, e.g. https://socbot.contoso.com/ (was '{options.PublicBaseUrl}').");
        }

        if (!IsKey(options.ExportLinkKey))
        {
            failures.Add($"{ReportsOptions.SectionName}:ExportLinkKey must be set to a base64 secret of at least {MinimumKeyBytes} bytes when {ReportsOptions.SectionName}:PublicBaseUrl is set (e.g. `openssl rand -base64 32`); it signs the export download links.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string? key)
    {
        var bytes = new byte[Math.Max(MinimumKeyBytes, (key?.Length ?? 0) * 3 / 4 + 3)];
        return key is not null && Convert.TryFromBase64String(key, bytes, out var written) && written >= MinimumKeyBytes;
    }
}
