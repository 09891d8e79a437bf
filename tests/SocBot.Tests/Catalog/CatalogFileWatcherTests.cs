using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Tests.Ownership;

namespace SocBot.Tests.Catalog;

/// <summary>The catalog host with its file watcher on the real clock and a real folder; every wait is on a reload event, bounded.</summary>
public sealed class CatalogFileWatcherTests : IAsyncLifetime
{
    private readonly CatalogFolder _folder = new(CatalogEdits.Default);
    private IHost _host = null!;

    private FileCatalogSource Source => _host.Services.GetRequiredService<FileCatalogSource>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("SocBot:CatalogPath", _folder.CatalogPath)]);
        builder.Services.AddCatalog(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task FileSavedInPlace_IsReloaded()
    {
        using var watch = new ReloadWatch(Source, HasCoffeeDuty);

        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        var result = await watch.Reload;
        Assert.Same(result.Catalog, Source.Current);
        Assert.Contains(CatalogEdits.CoffeeDuty, _host.Services.GetRequiredService<ICatalogSource>().Current.FindTeam("csirt")!.Responsibilities);
    }

    [Fact]
    public async Task BrokenSave_IsRejected_AndThePreviousCatalogStays()
    {
        var before = Source.Current;
        using var watch = new ReloadWatch(Source, r => r.Errors.Any(e => e.Place == "settings.timeZone"));

        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.BrokenTimeZone);

        var result = await watch.Reload;
        Assert.False(result.Accepted);
        Assert.Same(before, Source.Current);
        Assert.Same(result, Source.LastRejectedReload);
    }

    [Fact]
    public async Task EditorReplace_WriteTempThenRenameOver_IsReloaded()
    {
        var temp = _folder.Sibling(".catalog.yaml.tmp-4711");
        using var watch = new ReloadWatch(Source, HasCoffeeDuty);

        await File.WriteAllTextAsync(temp, CatalogEdits.WithCoffeeDutyForCsirt);
        File.Move(temp, _folder.CatalogPath, overwrite: true);

        await watch.Reload;
        Assert.Contains(CatalogEdits.CoffeeDuty, Source.Current.FindTeam("csirt")!.Responsibilities);
    }

    [Fact]
    public async Task EditorBackup_RenameAwayThenWriteNew_IsReloaded()
    {
        using var watch = new ReloadWatch(Source, HasCoffeeDuty);

        File.Move(_folder.CatalogPath, _folder.Sibling("catalog.yaml~"));
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        await watch.Reload;
        Assert.Contains(CatalogEdits.CoffeeDuty, Source.Current.FindTeam("csirt")!.Responsibilities);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task StartAsync_WatchesOnlyAConfiguredFile(bool configured, int watching)
    {
        var options = Options.Create(new CatalogOptions { CatalogPath = configured ? _folder.CatalogPath : null });
        var source = new FileCatalogSource(options, TimeProvider.System, NullLogger<FileCatalogSource>.Instance);
        var logger = new CapturingLogger<CatalogFileWatcher>();
        using var watcher = new CatalogFileWatcher(source, TimeProvider.System, logger);

        await watcher.StartAsync(CancellationToken.None);

        Assert.Equal(watching, logger.Messages.Count(m => m.StartsWith("Watching ", StringComparison.Ordinal)));
        Assert.All(logger.Messages, m => Assert.Equal($"Watching {_folder.CatalogPath} for catalog changes", m));
        await watcher.StopAsync(CancellationToken.None);
    }

    private static bool HasCoffeeDuty(CatalogReloadResult result) =>
        result.Accepted && result.Catalog!.FindTeam("csirt")!.Responsibilities.Contains(CatalogEdits.CoffeeDuty);
}
