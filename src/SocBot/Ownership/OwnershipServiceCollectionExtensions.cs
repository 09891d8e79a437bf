using Microsoft.Extensions.Options;
using SocBot.Bot;
using SocBot.Cli;

namespace SocBot.Ownership;

public static class OwnershipServiceCollectionExtensions
{
    /// <summary>
    /// The ownership answerer over the catalog in force, matching by meaning once its background index is built (unless
    /// Ownership:Semantic:Enabled is false), and the <c>ask</c> verb. Needs the catalog's services.
    /// </summary>
    public static IServiceCollection AddOwnership(this IServiceCollection services)
    {
        services.AddOptions<OwnershipSemanticOptions>().BindConfiguration(OwnershipSemanticOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OwnershipSemanticOptions>, OwnershipSemanticOptionsValidator>();
        services.AddSingleton<IOwnershipCorpusSource, CatalogOwnershipCorpusSource>();
        services.AddSingleton<ArcticXsSentenceEmbedder>();
        services.AddSingleton<ISentenceEmbedder>(sp => sp.GetRequiredService<ArcticXsSentenceEmbedder>());
        services.AddSingleton<OwnershipSemantics>();
        services.AddHostedService<OwnershipSemanticIndexService>();
        services.AddSingleton(sp => new OwnershipAnswerer(
            sp.GetRequiredService<IOwnershipCorpusSource>(),
            sp.GetRequiredService<ILogger<OwnershipAnswerer>>(),
            sp.GetRequiredService<OwnershipSemantics>()));
        services.AddCliVerb<AskVerb>();
        services.AddBotModule<OwnershipChatModule>();
        return services;
    }
}
