using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Benchmarks.Ownership;

/// <summary>The default catalog's corpus, and a generated one <c>scale</c> times larger for the size benchmarks.</summary>
public static class OwnershipCorpora
{
    private static readonly string[] Regions =
        ["Amsterdam", "Bangalore", "Chicago", "Dublin", "Edinburgh", "Frankfurt", "Geneva", "Helsinki", "Istanbul", "Johannesburg"];

    public static OwnershipCorpus Default() => CatalogOwnershipCorpusSource.ToCorpus(CatalogLoader.LoadDefault());

    /// <summary>
    /// Each team and its items copied once per region, every copy's text carrying the region's name, so the index holds
    /// <paramref name="scale"/> times the items, terms and teams — the shape of a multi-site SOC with one matrix.
    /// </summary>
    public static OwnershipCorpus Scaled(int scale)
    {
        var original = Default();
        if (scale <= 1)
        {
            return original;
        }

        var teams = new List<OwnershipTeam>();
        var items = new List<OwnershipItem>();
        for (var copy = 0; copy < scale; copy++)
        {
            var region = Regions[copy % Regions.Length] + (copy >= Regions.Length ? $" {copy / Regions.Length}" : "");
            string Id(string id) => $"{id}-{copy}";
            teams.AddRange(original.Teams.Select(t => t with
            {
                Id = Id(t.Id),
                DisplayName = $"{t.DisplayName} {region}",
                Aliases = t.Aliases.Select(a => $"{a} {region}").ToList(),
            }));
            items.AddRange(original.Items.Select(i => i with
            {
                Id = Id(i.Id),
                TeamId = i.TeamId is null ? null : Id(i.TeamId),
                Title = $"{i.Title} in {region}",
            }));
        }

        return original with { Teams = teams, Items = items };
    }
}
