using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>Teams' figures for each list of windows that configuration left empty (binding appends, so defaults come last).</summary>
public sealed class ConnectorPacingDefaults : IPostConfigureOptions<ConnectorPacingOptions>
{
    public void PostConfigure(string? name, ConnectorPacingOptions options) => Apply(options);

    public static void Apply(ConnectorPacingOptions options)
    {
        if (options.PerThread.Count == 0)
        {
            options.PerThread = [.. ConnectorPacingOptions.TeamsPerThread];
        }

        if (options.PerTenant.Count == 0)
        {
            options.PerTenant = [.. ConnectorPacingOptions.TeamsPerTenant];
        }
    }
}
