using Microsoft.Extensions.Options;
using SocBot.Cli;
using SocBot.Scheduling;

namespace SocBot.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The catalog (SocBot:CatalogPath or the built-in default), the occurrence schedule and their CLI verbs.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.AddSingleton<ICatalogSource, FileCatalogSource>();
        services.AddSingleton<OccurrenceSchedule>();
        services.AddHostedService<CatalogStartupCheck>();
        services.AddCliVerb<CatalogVerb>();
        services.AddCliVerb<ScheduleVerb>();
        return services;
    }
}
