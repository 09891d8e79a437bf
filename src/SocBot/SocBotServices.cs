using SocBot.Hosting;

namespace SocBot;

/// <summary>The services the bot and the CLI verbs share; each feature adds its own.</summary>
public static class SocBotServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHealth();
    }
}
