using Microsoft.Extensions.Options;

namespace SocBot.Hosting;

public static class ShutdownServiceCollectionExtensions
{
    /// <summary>
    /// Sets <see cref="HostOptions.ShutdownTimeout"/> from SocBot:ShutdownTimeout. Hosted services stop within it: the Quartz
    /// host (WaitForJobsToComplete) lets a running reminder pass finish, Kestrel drains requests in flight.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        return services;
    }
}
