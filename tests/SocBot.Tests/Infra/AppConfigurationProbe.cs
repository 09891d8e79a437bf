using System.Reflection;
using Microsoft.Extensions.Options;

namespace SocBot.Tests.Infra;

/// <summary>
/// Builds the real web app (the same <c>ConfigureServices</c> as Program.cs) over the given settings and creates every options
/// type that SocBot's own assemblies register, recording which configuration keys that binding read and what validation said.
/// </summary>
public sealed class AppConfigurationProbe
{
    private AppConfigurationProbe(IReadOnlySet<string> keysRead, IReadOnlyList<string> validationFailures, IReadOnlyList<Type> optionsTypes)
    {
        KeysRead = keysRead;
        ValidationFailures = validationFailures;
        OptionsTypes = optionsTypes;
    }

    public IReadOnlySet<string> KeysRead { get; }

    public IReadOnlyList<string> ValidationFailures { get; }

    public IReadOnlyList<Type> OptionsTypes { get; }

    public static AppConfigurationProbe Run(IDictionary<string, string?> settings, string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var recording = new RecordingConfigurationSource(settings);
        ((IConfigurationBuilder)builder.Configuration).Add(recording);
        builder.ConfigureServices();
        var optionsTypes = builder.Services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("SocBot", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        using var app = builder.Build();
        recording.ForgetReads();

        // A factory creates the options afresh each time: binding runs now even for options the host already read while building.
        var failures = new List<string>();
        foreach (var type in optionsTypes)
        {
            var factory = app.Services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(type));
            try
            {
                _ = factory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(factory, [Options.DefaultName]);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                failures.AddRange(invalid.Failures);
            }
        }

        return new AppConfigurationProbe(recording.KeysRead.ToHashSet(StringComparer.OrdinalIgnoreCase), failures, optionsTypes);
    }

    /// <summary>The settings whose key the app never read: misspelt, or for an option that does not exist.</summary>
    public IReadOnlyList<string> UnknownKeys(IEnumerable<string> keys) => keys.Where(k => !KeysRead.Contains(k)).ToList();
}
