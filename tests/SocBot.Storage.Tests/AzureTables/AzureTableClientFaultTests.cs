using System.Collections.Concurrent;
using Azure.Core;
using SocBot.Storage.AzureTables;
using SocBot.Testing.Azurite;

namespace SocBot.Storage.Tests.AzureTables;

/// <summary>Azurite stopped in the middle of a run of writes, then started again on the same data folder.</summary>
public sealed class AzureTableClientFaultTests
{
    [Fact]
    public async Task AddEntity_AzuriteStoppedMidRun_FailsTypedThenNothingAcknowledgedIsLost()
    {
        using var folder = new TempDirectory();
        await using var azurite = await AzuriteServer.StartAsync(folder.Path);
        var options = new AzureTableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var table = new AzureTableClient(TableConnectionString.Parse(azurite.ConnectionString), "faults", options);
        await table.CreateIfNotExistsAsync(CancellationToken.None);

        var acknowledged = new ConcurrentBag<int>();
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i += 4)
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        // null: an earlier attempt of ours landed but its reply was lost; the entity is there.
                        await table.TryAddEntityAsync(new TableEntity("run", i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i }, CancellationToken.None);
                        acknowledged.Add(i);
                        break;
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                        await Task.Delay(20);
                    }
                }
            }
        })).ToList();

        await WaitUntilAsync(() => acknowledged.Count >= 100);
        await azurite.StopAsync();
        await WaitUntilAsync(() => failures.Count >= 8);
        var acknowledgedWhileDown = acknowledged.Count;
        await azurite.RestartAsync();
        await WaitUntilAsync(() => acknowledged.Count >= acknowledgedWhileDown + 50);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var stored = await table.QueryAsync(null, null, null, CancellationToken.None).Select(e => (int)e["N"]!).ToHashSetAsync();
        Assert.All(failures, f =>
        {
            var unavailable = Assert.IsType<TableStorageUnavailableException>(f);
            Assert.Contains(azurite.Endpoint.Authority, unavailable.Message, StringComparison.Ordinal);
        });
        Assert.Subset(stored, acknowledged.ToHashSet());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
