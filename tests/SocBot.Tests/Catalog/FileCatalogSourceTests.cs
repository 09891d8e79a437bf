using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Tests.Ownership;

namespace SocBot.Tests.Catalog;

public sealed class FileCatalogSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 15, 0, TimeSpan.Zero);

    private readonly CapturingLogger<FileCatalogSource> _logger = new();

    [Fact]
    public void Reload_FileChanged_ReplacesTheCatalog()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        var before = source.Current;
        File.WriteAllText(folder.CatalogPath, CatalogEdits.WithMonitoringRenamed("Detection"));

        var result = source.Reload();

        Assert.True(result.Accepted);
        Assert.Empty(result.Errors);
        Assert.Equal(folder.CatalogPath, result.Source);
        Assert.Equal(Now, result.At);
        Assert.Same(result.Catalog, source.Current);
        Assert.NotSame(before, source.Current);
        Assert.Equal("Detection", source.Current.FindTeam("monitoring")!.DisplayName);
        Assert.Null(source.LastRejectedReload);
    }

    [Fact]
    public void Reload_BrokenEdit_KeepsThePreviousCatalogAndReportsEveryError()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        var before = source.Current;
        File.WriteAllText(folder.CatalogPath, CatalogEdits.BrokenTimeZone);

        var result = source.Reload();

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Errors);
        Assert.Equal(folder.CatalogPath, error.File);
        Assert.Equal("settings.timeZone", error.Place);
        Assert.Equal(17, error.Line);
        Assert.Contains("'Atlantis/Lost_City' is not an IANA time zone", error.Message, StringComparison.Ordinal);
        Assert.Same(before, result.Catalog);
        Assert.Same(before, source.Current);
        Assert.DoesNotContain(CatalogEdits.CoffeeDuty, source.Current.FindTeam("csirt")!.Responsibilities);
        Assert.Same(result, source.LastRejectedReload);
    }

    [Fact]
    public void Reload_BrokenEdit_LogsEachErrorWithFileLineAndPlace()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        _ = source.Current;
        File.WriteAllText(folder.CatalogPath, CatalogEdits.BrokenTimeZone.Replace("title: Service administration", "title: ''  # was Service administration", StringComparison.Ordinal));

        var result = source.Reload();

        Assert.Equal(2, result.Errors.Count);
        var logged = Assert.Single(_logger.Messages, m => m.StartsWith("Rejected the SOC catalog", StringComparison.Ordinal));
        Assert.Contains("previous catalog stays in force", logged, StringComparison.Ordinal);
        foreach (var error in result.Errors)
        {
            Assert.Contains($"{folder.CatalogPath}:{error.Line}:{error.Column}: {error.Place}: {error.Message}", logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reload_FixedAfterABrokenEdit_IsAcceptedAndClearsTheRejection()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        File.WriteAllText(folder.CatalogPath, CatalogEdits.BrokenTimeZone);
        Assert.False(source.Reload().Accepted);
        File.WriteAllText(folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        var result = source.Reload();

        Assert.True(result.Accepted);
        Assert.Null(source.LastRejectedReload);
        Assert.Contains(CatalogEdits.CoffeeDuty, source.Current.FindTeam("csirt")!.Responsibilities);
    }

    [Fact]
    public void Reload_FileDeleted_KeepsThePreviousCatalog()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        var before = source.Current;
        File.Delete(folder.CatalogPath);

        var result = source.Reload();

        var error = Assert.Single(result.Errors);
        Assert.Equal("file", error.Place);
        Assert.StartsWith("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Same(before, source.Current);
    }

    [Fact]
    public void Reload_NoCatalogPath_ReloadsTheBuiltInCatalog()
    {
        var source = Source(null);

        var result = source.Reload();

        Assert.True(result.Accepted);
        Assert.Null(source.FilePath);
        Assert.Equal(CatalogLoader.DefaultCatalogName, result.Source);
        Assert.Equal(8, source.Current.Tasks.Count);
    }

    [Fact]
    public void Reload_Always_RaisesReloadedWithTheResult()
    {
        using var folder = new CatalogFolder(CatalogEdits.Default);
        var source = Source(folder.CatalogPath);
        var raised = new List<CatalogReloadResult>();
        source.Reloaded += (_, r) => raised.Add(r);

        var accepted = source.Reload();
        File.WriteAllText(folder.CatalogPath, CatalogEdits.BrokenTimeZone);
        var rejected = source.Reload();

        Assert.Equal([accepted, rejected], raised);
    }

    [Fact]
    public void Current_FirstLoadBroken_ThrowsUntilAReloadSucceeds()
    {
        using var folder = new CatalogFolder(CatalogEdits.BrokenTimeZone);
        var source = Source(folder.CatalogPath);

        Assert.Equal("settings.timeZone", Assert.Single(Assert.Throws<CatalogLoadException>(() => source.Current).Errors).Place);
        var stillBroken = source.Reload();
        Assert.Null(stillBroken.Catalog);
        Assert.Throws<CatalogLoadException>(() => source.Current);

        File.WriteAllText(folder.CatalogPath, CatalogEdits.Default);
        Assert.True(source.Reload().Accepted);
        Assert.Equal(8, source.Current.Tasks.Count);
    }

    private FileCatalogSource Source(string? path) =>
        new(Options.Create(new CatalogOptions { CatalogPath = path }), new FakeTimeProvider(Now), _logger);
}
