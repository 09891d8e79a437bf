using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

public sealed class CatalogStartupTests
{
    [Fact]
    public async Task StartAsync_NoCatalogConfigured_UsesTheBuiltInCatalog()
    {
        using var host = BuildHost(null);

        await host.StartAsync(CancellationToken.None);

        Assert.Equal(8, host.Services.GetRequiredService<ICatalogSource>().Current.Tasks.Count);
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_BrokenCatalog_FailsWithEveryError()
    {
        var text = CatalogLoader.ReadDefaultText()
            .Replace("escalation: soc-oversight", "escalation: managers", StringComparison.Ordinal)
            .Replace("timeZone: Etc/UTC", "timeZone: Atlantis", StringComparison.Ordinal);
        using var file = new TempCatalogFile(text);
        using var host = BuildHost(file.Path);

        var exception = await Assert.ThrowsAsync<CatalogLoadException>(() => host.StartAsync(CancellationToken.None));

        Assert.Equal(9, exception.Errors.Count);
        Assert.All(exception.Errors, e => Assert.Equal(file.Path, e.File));
        Assert.Contains("The SOC catalog has 9 error(s)", exception.Message, StringComparison.Ordinal);
        Assert.Contains(": settings.timeZone: 'Atlantis' is not an IANA time zone", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CatalogPathToAMissingFile_FailsNamingTheKey()
    {
        using var host = BuildHost("/nonexistent/socbot-catalog.yaml");

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains("SocBot:CatalogPath names '/nonexistent/socbot-catalog.yaml', which does not exist.", exception.Failures);
    }

    [Fact]
    public async Task StartAsync_CatalogPathEmpty_FailsNamingTheKey()
    {
        using var host = BuildHost(" ");

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains(exception.Failures, f => f.StartsWith("SocBot:CatalogPath is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_CatalogFileChangedBetweenRuns_PicksUpTheChangeOnRestart()
    {
        using var file = new TempCatalogFile(CatalogLoader.ReadDefaultText());
        using (var first = BuildHost(file.Path))
        {
            await first.StartAsync(CancellationToken.None);
            Assert.Equal("Monitoring", first.Services.GetRequiredService<ICatalogSource>().Current.FindTeam("monitoring")!.DisplayName);
            await first.StopAsync(CancellationToken.None);
        }

        await File.WriteAllTextAsync(file.Path, CatalogLoader.ReadDefaultText().Replace("displayName: Monitoring", "displayName: Detection", StringComparison.Ordinal), CancellationToken.None);

        using var second = BuildHost(file.Path);
        await second.StartAsync(CancellationToken.None);

        Assert.Equal("Detection", second.Services.GetRequiredService<ICatalogSource>().Current.FindTeam("monitoring")!.DisplayName);
        await second.StopAsync(CancellationToken.None);
    }

    private static IHost BuildHost(string? catalogPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        if (catalogPath is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("SocBot:CatalogPath", catalogPath)]);
        }

        builder.Services.AddCatalog(builder.Configuration);
        return builder.Build();
    }
}
