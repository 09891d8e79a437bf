namespace SocBot.State;

/// <summary>Creates and checks the state table when the web host starts, so a bad connection fails the start, not the first reminder.</summary>
internal sealed class StateStartup(IStateStoreSchema schema, StorageBackend backend, ILogger<StateStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.StoreSelected(logger, backend.Kind, backend.Location);
        await schema.EnsureSchemaAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
