using System.Globalization;
using SocBot.Catalog;
using SocBot.Cli;
using SocBot.Scheduling;

namespace SocBot.Reminders;

/// <summary>`remind --at &lt;instant&gt; [--dry-run]`: one pass as of that instant against the configured store and connector.</summary>
public sealed class RemindVerb(ReminderPass pass, ICatalogSource catalogSource) : ICliVerb
{
    public string Name => "remind";

    public string Summary => "remind --at <ISO instant> [--dry-run]   run one reminder pass as of that instant and print what it posted";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        DateTimeOffset? at = null;
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--at" when i + 1 < args.Count:
                    if (!DateTimeOffset.TryParse(args[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        await console.Error.WriteLineAsync($"--at '{args[i]}' is not an ISO 8601 instant (e.g. 2026-01-05T09:00:00Z).");
                        return ExitCodes.InvalidInput;
                    }

                    at = parsed;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                default:
                    throw new CliUsageException($"Unexpected argument '{args[i]}'.");
            }
        }

        if (at is null)
        {
            throw new CliUsageException("--at <instant> is required.");
        }

        var report = await pass.RunAsync(at.Value, dryRun, cancellationToken);
        var catalog = catalogSource.Current;
        foreach (var item in report.Items)
        {
            var flags = (item.Late ? " late" : "") + (item.InDigest ? " digest" : "");
            var key = OccurrenceKey.TryParse(item.OccurrenceKey, out var parsed) ? parsed : null;
            var task = key is null ? item.OccurrenceKey : catalog.FindTask(key.TaskId)?.Title ?? key.TaskId;
            var team = catalog.FindTeam(item.TeamId)?.DisplayName ?? item.TeamId;
            await console.Out.WriteLineAsync($"{item.Outcome,-14} {task} ({team}, {key?.Period ?? "-"}){flags}{(item.Detail is null ? "" : "  " + item.Detail)}  [{item.OccurrenceKey} channel {item.ChannelId ?? "-"}]");
        }

        await console.Out.WriteLineAsync($"{report.Posted.Count()} {(dryRun ? "would be posted" : "posted")} as of {report.At:O}.");
        return ExitCodes.Ok;
    }
}
