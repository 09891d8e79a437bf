using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Authentication;

/// <summary>Reports every missing or contradictory credential key at start-up, by name.</summary>
public sealed class BotCredentialsOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        var failures = new List<string>();
        if (options.IsAuthenticationDisabled)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add(
                    $"MicrosoftAppId is not set. Without it anyone could post to /api/messages, so only the Development environment " +
                    $"may run without it (this is '{environment.EnvironmentName}'). Set MicrosoftAppId, MicrosoftAppType and " +
                    "MicrosoftAppPassword (or MicrosoftAppTenantId for UserAssignedMSI).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add($"MicrosoftAppId must be a GUID (the bot's Entra application or managed identity client id); got '{options.MicrosoftAppId}'.");
        }

        switch (options.MicrosoftAppType)
        {
            case BotAppType.MultiTenant when string.IsNullOrWhiteSpace(options.MicrosoftAppPassword):
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                break;
            case BotAppType.SingleTenant:
                if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                {
                    failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case BotAppType.UserAssignedMSI when string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId):
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
