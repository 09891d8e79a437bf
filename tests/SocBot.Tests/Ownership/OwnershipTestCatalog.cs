using Microsoft.Extensions.Logging.Abstractions;
using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>The shipped default catalog as the ownership feature sees it.</summary>
internal static class OwnershipTestCatalog
{
    private static readonly Lazy<SocCatalog> Default = new(CatalogLoader.LoadDefault);

    public static SocCatalog Catalog => Default.Value;

    public static OwnershipCorpus Corpus => CatalogOwnershipCorpusSource.ToCorpus(Catalog);

    public static OwnershipAnswerer Answerer(OwnershipCorpus? corpus = null) =>
        new(new FixedCorpusSource(corpus ?? Corpus), NullLogger<OwnershipAnswerer>.Instance);

    /// <summary>The default catalog with one team's channel binding and contacts filled in, as a SOC lead would add them.</summary>
    public static SocCatalog WithContacts(string teamId, ChannelBinding binding, params TeamContact[] contacts)
    {
        var teams = Catalog.Teams
            .Select(t => t.Id == teamId ? t with { ChannelBinding = binding, Contacts = contacts } : t)
            .ToList();
        return new SocCatalog(teams, Catalog.Tasks, Catalog.Settings, Catalog.Synonyms, Catalog.Provenance);
    }
}
