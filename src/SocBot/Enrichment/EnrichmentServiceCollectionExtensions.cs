using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using SocBot.Reminders;

namespace SocBot.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ILiveTaskData"/> for reminder cards: live Microsoft Graph data when Graph:Enabled, otherwise always none.
    /// The Graph credential is the keyed <see cref="TokenCredential"/> "Graph" (a client secret, else managed identity);
    /// register one before this call to use another.
    /// </summary>
    public static IServiceCollection AddEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.SectionName)).ValidateOnStart()
            .PostConfigure(ApplyDefaultTaskEnrichments);
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TokenCredential>(GraphOptions.SectionName, (provider, _) =>
            CreateCredential(provider.GetRequiredService<IOptions<GraphOptions>>().Value));
        // Graph's own handlers (retry honouring Retry-After, redirects); the read's timeout is ours, not HttpClient's.
        services.AddHttpClient(GraphConnection.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }
            });
        services.TryAddSingleton<GraphConnection>();
        services.TryAddSingleton<GraphLiveTaskData>();
        // Built from the provider only when Graph is on: its store and connector come from other features.
        services.TryAddSingleton<IPostedCardFinder>(provider =>
            provider.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled
                ? ActivatorUtilities.CreateInstance<GraphPostedCardFinder>(provider)
                : new NoPostedCardFinder());
        services.TryAddSingleton<ILiveTaskData>(provider =>
            provider.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled
                ? provider.GetRequiredService<GraphLiveTaskData>()
                : new DisabledLiveTaskData());
        return services;
    }

    /// <summary>Binding adds configured entries to what the map already holds, so the defaults go in only when nothing is configured.</summary>
    private static void ApplyDefaultTaskEnrichments(GraphOptions options)
    {
        if (options.TaskEnrichments.Count == 0)
        {
            options.TaskEnrichments = new(GraphOptions.DefaultTaskEnrichments, StringComparer.OrdinalIgnoreCase);
        }
    }

    private static TokenCredential CreateCredential(GraphOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientSecret)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId))
            : new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
}
