using Microsoft.Extensions.DependencyInjection.Extensions;
using SocBot.Bindings;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Enrichment;
using SocBot.Hosting;
using SocBot.Ownership;
using SocBot.Packaging;
using SocBot.Reminders;
using SocBot.Reports;
using SocBot.State;

namespace SocBot;

/// <summary>The services the bot and the CLI verbs share; each feature adds its own.</summary>
public static class SocBotServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealth();
        services.AddCatalog(configuration);
        services.AddOwnership();
        services.AddPackaging();
        services.AddBot();
        services.AddSocStorage(configuration);
        services.AddReminders(configuration);
        services.AddBindings();
        services.AddReports();
        services.AddEnrichment(configuration);
    }
}
