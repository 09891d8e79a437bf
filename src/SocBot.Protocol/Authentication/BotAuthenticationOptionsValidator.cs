using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Authentication;

/// <summary>Reports every bad inbound-trust setting at start-up, by its key.</summary>
public sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var section = BotAuthenticationOptions.SectionName;
        var failures = new List<string>();
        for (var i = 0; i < options.ValidIssuers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ValidIssuers[i]))
            {
                failures.Add($"{section}:{nameof(options.ValidIssuers)}:{i} is empty.");
            }
        }

        foreach (var (key, value) in new[]
        {
            (nameof(options.KeyRefreshInterval), options.KeyRefreshInterval),
            (nameof(options.UnknownKeyRefreshInterval), options.UnknownKeyRefreshInterval),
            (nameof(options.KeyRefreshTimeout), options.KeyRefreshTimeout),
            (nameof(options.KeyRefreshRetryMin), options.KeyRefreshRetryMin),
            (nameof(options.KeyRefreshRetryMax), options.KeyRefreshRetryMax),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{section}:{key} must be a positive time span; got {value}.");
            }
        }

        if (options.KeyRefreshRetryMax < options.KeyRefreshRetryMin)
        {
            failures.Add($"{section}:{nameof(options.KeyRefreshRetryMax)} must not be shorter than {nameof(options.KeyRefreshRetryMin)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
