using System.Globalization;
using System.Text;
using SocBot.Access;
using SocBot.Bot;
using SocBot.Protocol.Hosting;

namespace SocBot.Catalog;

/// <summary>
/// `reload`: reads the catalog file again without a restart, for the admins who edit it (SocBot:AdminObjectIds, or anyone
/// speaking in SOC Oversight's channel). A broken file is rejected with its errors and the catalog in force stays.
/// </summary>
public sealed class CatalogAdminModule(FileCatalogSource catalogSource, AccessPolicy access, ILogger<CatalogAdminModule> logger) : IBotModule
{
    /// <summary>Enough errors to fix the first round; the log and `catalog validate` have all of them.</summary>
    private const int MaxErrorsShown = 15;

    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("reload", "read the catalog file again after editing it; a file with errors is rejected and the current catalog kept", AdminOnly: true),
    ];

    public void Register(ActivityRouter router) => router.OnCommand("reload", (turn, _, ct) => ReloadAsync(turn, ct));

    private async Task ReloadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var by = AccessPolicy.ActorOf(activity).AadObjectId;
        if (!await access.CanBindChannelsAsync(activity, cancellationToken))
        {
            Log.ReloadRefused(logger, by);
            await turn.SendActivityAsync(
                "Only SOC admins can reload the catalog: people listed in SocBot:AdminObjectIds, or anyone speaking in SOC Oversight's channel. Nothing was changed.",
                cancellationToken);
            return;
        }

        Log.ReloadRequested(logger, by);
        var result = catalogSource.Reload();
        await turn.SendActivityAsync(result.Accepted ? Accepted(result, catalogSource.FilePath) : Rejected(result), cancellationToken);
    }

    private static string Accepted(CatalogReloadResult result, string? filePath)
    {
        var text = new StringBuilder("Catalog reloaded: ").Append(Counts(result.Catalog!)).Append(".\n\n");
        return (filePath is null
            ? text.Append("This is the built-in catalog; set SocBot:CatalogPath to use your own file.")
            : text.Append("Read from `").Append(filePath).Append("`.")).ToString();
    }

    private static string Rejected(CatalogReloadResult result)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"`{result.Source}` has {result.Errors.Count} error(s), so I kept the previous catalog")
            .Append(result.Catalog is { } kept ? $" ({Counts(kept)})" : string.Empty)
            .Append(":\n\n");
        foreach (var error in result.Errors.Take(MaxErrorsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"- line {error.Line}, column {error.Column}: {error.Place}: {error.Message}\n");
        }

        if (result.Errors.Count > MaxErrorsShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"- … and {result.Errors.Count - MaxErrorsShown} more (`socbot catalog validate` lists them all)\n");
        }

        return text.Append("\nFix the file and say `reload` again.").ToString();
    }

    private static string Counts(SocCatalog catalog) => $"{catalog.Teams.Count} teams, {catalog.Tasks.Count} tasks";
}
