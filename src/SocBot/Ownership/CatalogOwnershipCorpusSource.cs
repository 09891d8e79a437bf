using SocBot.Catalog;

namespace SocBot.Ownership;

/// <summary>
/// The ownership corpus of the catalog in force: reads <see cref="ICatalogSource.Current"/> on every question and converts a
/// catalog once, so a reloaded catalog yields a new corpus (and a new index) while an unchanged one costs nothing.
/// </summary>
public sealed class CatalogOwnershipCorpusSource(ICatalogSource catalogs) : IOwnershipCorpusSource
{
    private Converted? _converted;

    public OwnershipCorpus Current
    {
        get
        {
            var catalog = catalogs.Current;
            var converted = Volatile.Read(ref _converted);
            if (converted is not null && ReferenceEquals(converted.Catalog, catalog))
            {
                return converted.Corpus;
            }

            converted = new Converted(catalog, ToCorpus(catalog));
            Volatile.Write(ref _converted, converted);
            return converted.Corpus;
        }
    }

    public static OwnershipCorpus ToCorpus(SocCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var teams = catalog.Teams.Select(ToTeam).ToList();
        var items = new List<OwnershipItem>();
        foreach (var team in catalog.Teams)
        {
            items.AddRange(team.Responsibilities.Select((text, i) =>
                new OwnershipItem($"{team.Id}/responsibility/{i + 1}", OwnershipItemKind.Responsibility, team.Id, text)));
            items.AddRange(team.DefenderTasks.Select((text, i) =>
                new OwnershipItem($"{team.Id}/defender-task/{i + 1}", OwnershipItemKind.DefenderTask, team.Id, text)));
        }

        items.AddRange(catalog.Tasks.Select(task => new OwnershipItem(
            task.Id,
            OwnershipItemKind.MaintenanceTask,
            task.AllTeams ? null : task.OwnerTeamId,
            task.Title,
            task.Description,
            task.Cadence.ToString())));
        var synonyms = catalog.Synonyms.Select(s => new OwnershipSynonym(s.Term, s.Variants)).ToList();
        return new OwnershipCorpus(teams, items, synonyms);
    }

    private static OwnershipTeam ToTeam(SocTeam team) => new(
        team.Id,
        team.DisplayName,
        team.Aliases,
        team.Description,
        team.ChannelBinding is { } binding ? new OwnershipChannel(binding.ChannelId, DeepLink(binding, team.DisplayName)) : null,
        team.Contacts.Select(c => new OwnershipContact(c.Name, c.Upn)).ToList());

    /// <summary>A Teams channel deep link needs the channel's team (group) id; without it there is only the channel id.</summary>
    private static Uri? DeepLink(ChannelBinding binding, string channelName) => binding.TeamsTeamId is null
        ? null
        : new Uri(
            $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(binding.ChannelId)}/{Uri.EscapeDataString(channelName)}"
            + $"?groupId={Uri.EscapeDataString(binding.TeamsTeamId)}");

    /// <summary>One reference holding both, so a reader never pairs one catalog with another's corpus.</summary>
    private sealed record Converted(SocCatalog Catalog, OwnershipCorpus Corpus);
}
