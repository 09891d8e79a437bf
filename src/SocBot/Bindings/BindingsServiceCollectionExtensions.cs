using SocBot.Bot;

namespace SocBot.Bindings;

public static class BindingsServiceCollectionExtensions
{
    /// <summary>The `link`, `unlink` and `channels` commands, and the lookup of which teams a conversation speaks for.</summary>
    public static IServiceCollection AddBindings(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTeams>();
        services.AddBotModule<ChannelBindingModule>();
        return services;
    }
}
