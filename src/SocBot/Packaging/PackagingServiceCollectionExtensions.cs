using Microsoft.Extensions.DependencyInjection.Extensions;
using SocBot.Cli;

namespace SocBot.Packaging;

public static class PackagingServiceCollectionExtensions
{
    /// <summary>Adds the Teams app packager and the <c>package</c> verb.</summary>
    public static IServiceCollection AddPackaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsAppPackager>();
        services.AddCliVerb<PackageVerb>();
        return services;
    }
}
