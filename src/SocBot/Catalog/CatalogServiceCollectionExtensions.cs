using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocBot.Bot;
using SocBot.Cli;
using SocBot.Scheduling;

namespace SocBot.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// The catalog (SocBot:CatalogPath or the built-in default), reloaded when its file changes or an admin says `reload`,
    /// the occurrence schedule and their CLI verbs.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FileCatalogSource>();
        services.AddSingleton<ICatalogSource>(sp => sp.GetRequiredService<FileCatalogSource>());
        services.AddSingleton<OccurrenceSchedule>();
        services.AddHostedService<CatalogStartupCheck>();
        services.AddHostedService<CatalogFileWatcher>();
        services.AddBotModule<CatalogAdminModule>();
        services.AddCliVerb<CatalogVerb>();
        services.AddCliVerb<ScheduleVerb>();
        return services;
    }
}
