using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SocBot.Cli;

/// <summary>
/// Runs the executable's verbs. The verbs get the same services as the web host (catalog, store, connector),
/// built from the same configuration, so `remind --at` behaves as the scheduler would.
/// </summary>
public static class CommandLine
{
    /// <summary>Words that select the CLI rather than the web host; anything else (or nothing) starts the bot.</summary>
    public static bool IsVerb(IReadOnlyList<string> args) => args.Count > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection, IConfiguration> addServices, CliConsole console)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        addServices(builder.Services, builder.Configuration);
        using var host = builder.Build();

        var verbs = host.Services.GetServices<ICliVerb>().ToList();
        var verb = verbs.FirstOrDefault(v => string.Equals(v.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            await console.Error.WriteLineAsync($"Unknown verb '{args[0]}'.");
            await WriteUsageAsync(verbs, console.Error);
            return ExitCodes.Usage;
        }

        try
        {
            return await verb.RunAsync(args.Skip(1).ToList(), console, CancellationToken.None);
        }
        catch (CliUsageException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            await console.Error.WriteLineAsync($"usage: socbot {verb.Name} — {verb.Summary}");
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await console.Error.WriteLineAsync(failure);
            }

            return ExitCodes.InvalidInput;
        }
    }

    private static async Task WriteUsageAsync(IEnumerable<ICliVerb> verbs, TextWriter writer)
    {
        await writer.WriteLineAsync("usage: socbot [verb] [arguments]   (no verb runs the bot)");
        foreach (var verb in verbs.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"  {verb.Name,-10} {verb.Summary}");
        }
    }
}

/// <summary>Thrown by a verb for words it cannot understand; the runner prints it with the verb's usage and exits 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

public static class CliServiceCollectionExtensions
{
    public static IServiceCollection AddCliVerb<TVerb>(this IServiceCollection services)
        where TVerb : class, ICliVerb
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICliVerb, TVerb>());
        return services;
    }
}
