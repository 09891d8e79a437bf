using System.Globalization;
using SocBot.Bindings;
using SocBot.Catalog;
using SocBot.Cli;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>`status --team &lt;id&gt; [--at &lt;instant&gt;] [--tenant &lt;id&gt;]`: the chat command's report, from the configured store.</summary>
public sealed class StatusVerb(ICatalogSource catalogSource, ISocStateStore store, ConversationTeams conversationTeams, StatusReport report, TimeProvider time) : ICliVerb
{
    public string Name => "status";

    public string Summary => "--team <id> [--at <ISO instant>] [--tenant <id>]   this week's status of a team (soc-oversight: every team)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = new VerbArguments(args, "team", "at", "tenant");
        if (arguments.Positionals.Count > 0)
        {
            throw new CliUsageException($"Unexpected word '{arguments.Positionals[0]}'.");
        }

        var teamName = arguments.Required("team");
        var at = time.GetUtcNow();
        if (arguments.Optional("at") is { } atText)
        {
            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                await console.Error.WriteLineAsync($"--at '{atText}' is not an ISO 8601 instant (e.g. 2026-01-05T09:00:00Z).");
                return ExitCodes.InvalidInput;
            }
        }

        var catalog = catalogSource.Current;
        if (catalog.FindTeam(teamName) is not { } team)
        {
            await console.Error.WriteLineAsync($"Unknown team '{teamName}' (teams: {string.Join(", ", catalog.Teams.Select(t => t.Id))}).");
            return ExitCodes.InvalidInput;
        }

        var tenantId = arguments.Optional("tenant");
        if (tenantId is null)
        {
            var tenants = await store.ListTenantsAsync(cancellationToken);
            if (tenants.Count != 1)
            {
                await console.Error.WriteLineAsync(tenants.Count == 0
                    ? "The store knows no tenant yet; pass --tenant <id>."
                    : $"The store serves {tenants.Count} tenants ({string.Join(", ", tenants)}); pass --tenant <id>.");
                return ExitCodes.InvalidInput;
            }

            tenantId = tenants[0];
        }

        await console.Out.WriteAsync(await report.WriteAsync(conversationTeams.ForTeam(tenantId, team), at, cancellationToken));
        return ExitCodes.Ok;
    }
}
