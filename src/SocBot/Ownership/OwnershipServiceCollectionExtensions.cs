using SocBot.Bot;
using SocBot.Cli;

namespace SocBot.Ownership;

public static class OwnershipServiceCollectionExtensions
{
    /// <summary>The ownership answerer over the catalog in force, and the <c>ask</c> verb. Needs the catalog's services.</summary>
    public static IServiceCollection AddOwnership(this IServiceCollection services)
    {
        services.AddSingleton<IOwnershipCorpusSource, CatalogOwnershipCorpusSource>();
        services.AddSingleton<OwnershipAnswerer>();
        services.AddCliVerb<AskVerb>();
        services.AddBotModule<OwnershipChatModule>();
        return services;
    }
}
