using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Hosting;

namespace SocBot.Protocol;

public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Inbound authentication, the adapter and the connector client. Credentials bind from the configuration root
    /// (MicrosoftAppId …); the adapter's limits bind from <paramref name="adapterSection"/>.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, string adapterSection)
    {
        services.AddOptions<BotCredentialsOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>();
        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(BotAuthenticationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<BotAuthenticationOptions>, BotAuthenticationDefaults>();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddOptions<BotAdapterOptions>().BindConfiguration(adapterSection);
        services.AddOptions<ConnectorRetryOptions>().BindConfiguration(ConnectorRetryOptions.SectionName);
        services.AddOptions<ConnectorPacingOptions>().BindConfiguration(ConnectorPacingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ConnectorPacingOptions>, ConnectorPacingDefaults>();
        services.AddSingleton<IValidateOptions<ConnectorPacingOptions>, ConnectorPacingOptionsValidator>();

        services.AddHttpClient(nameof(OpenIdSigningKeyProvider));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OpenIdSigningKeyProvider>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpenIdSigningKeyProvider))));
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton(sp => ConnectorTokenProvider.Deferred(
            () => CreateCredential(sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value),
            sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<ConnectorAuthHandler>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConnectorPacingHandler>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddHttpMessageHandler<ConnectorPacingHandler>();
        services.AddTransient<CloudAdapter>();
        return services;
    }

    /// <summary>MultiTenant bots get tokens from the botframework.com tenant, SingleTenant ones from their own, MSI from the identity endpoint.</summary>
    public static TokenCredential? CreateCredential(BotCredentialsOptions options) => options switch
    {
        { IsAuthenticationDisabled: true } => null,
        { MicrosoftAppType: BotAppType.UserAssignedMSI } => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!)),
        { MicrosoftAppType: BotAppType.SingleTenant } => new ClientSecretCredential(options.MicrosoftAppTenantId, options.MicrosoftAppId, options.MicrosoftAppPassword),
        _ => new ClientSecretCredential("botframework.com", options.MicrosoftAppId, options.MicrosoftAppPassword),
    };
}
