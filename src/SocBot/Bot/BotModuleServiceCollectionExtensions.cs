using Microsoft.Extensions.DependencyInjection.Extensions;
using SocBot.Protocol.Hosting;

namespace SocBot.Bot;

public static class BotModuleServiceCollectionExtensions
{
    /// <summary>Registers a module once, as itself (for modules that use each other) and among the bot's modules.</summary>
    public static IServiceCollection AddBotModule<TModule>(this IServiceCollection services)
        where TModule : class, IBotModule
    {
        services.TryAddSingleton<TModule>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBotModule, TModule>(sp => sp.GetRequiredService<TModule>()));
        return services;
    }

    /// <summary>The bot is the router every module registered its routes on; a duplicate route fails when it is first built.</summary>
    public static IServiceCollection AddSocBotRouter(this IServiceCollection services)
    {
        services.AddSingleton<IBot>(sp =>
        {
            var router = ActivatorUtilities.CreateInstance<ActivityRouter>(sp);
            foreach (var module in sp.GetServices<IBotModule>())
            {
                module.Register(router);
            }

            return router;
        });
        return services;
    }
}
