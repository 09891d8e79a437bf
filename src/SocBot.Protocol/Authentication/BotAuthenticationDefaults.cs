using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Authentication;

/// <summary>The Bot Framework's issuer when no issuer is configured; binding appends, so the default comes after it.</summary>
public sealed class BotAuthenticationDefaults : IPostConfigureOptions<BotAuthenticationOptions>
{
    public void PostConfigure(string? name, BotAuthenticationOptions options)
    {
        if (options.ValidIssuers.Count == 0)
        {
            options.ValidIssuers = [.. BotAuthenticationOptions.BotFrameworkIssuers];
        }
    }
}
