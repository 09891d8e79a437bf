using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class CatalogOwnershipCorpusSourceTests
{
    [Fact]
    public void Current_SameCatalogInstance_ReturnsTheSameCorpusInstance()
    {
        var source = new CatalogOwnershipCorpusSource(new SwappableCatalogSource(OwnershipTestCatalog.Catalog));

        Assert.Same(source.Current, source.Current);
    }

    [Fact]
    public void Current_CatalogReloaded_ReturnsTheNewCatalogsCorpus()
    {
        var catalogs = new SwappableCatalogSource(OwnershipTestCatalog.Catalog);
        var source = new CatalogOwnershipCorpusSource(catalogs);
        var before = source.Current;

        catalogs.Current = OwnershipTestCatalog.WithContacts("csirt", new ChannelBinding("19:ir@thread.tacv2", null));

        Assert.NotSame(before, source.Current);
        Assert.Equal(new OwnershipChannel("19:ir@thread.tacv2"), source.Current.Teams.Single(t => t.Id == "csirt").Channel);
    }

    [Fact]
    public void ToCorpus_DefaultCatalog_HasEveryResponsibilityDefenderTaskAndMaintenanceTask()
    {
        var catalog = OwnershipTestCatalog.Catalog;

        var corpus = CatalogOwnershipCorpusSource.ToCorpus(catalog);

        Assert.Equal(catalog.Teams.Sum(t => t.Responsibilities.Count), corpus.Items.Count(i => i.Kind == OwnershipItemKind.Responsibility));
        Assert.Equal(catalog.Teams.Sum(t => t.DefenderTasks.Count), corpus.Items.Count(i => i.Kind == OwnershipItemKind.DefenderTask));
        Assert.Equal(catalog.Tasks.Count, corpus.Items.Count(i => i.Kind == OwnershipItemKind.MaintenanceTask));
        Assert.Equal(corpus.Items.Count, corpus.Items.Select(i => i.Id).Distinct().Count());
        var tabletop = Assert.Single(corpus.Items, i => i.Title == "Run IR tabletop exercise");
        Assert.Null(tabletop.TeamId);
        Assert.Equal("As needed", tabletop.Cadence);
        Assert.Equal(catalog.Synonyms.Count, corpus.Synonyms.Count);
    }

    private sealed class SwappableCatalogSource(SocCatalog catalog) : ICatalogSource
    {
        public SocCatalog Current { get; set; } = catalog;
    }
}
