namespace SocBot.Enrichment;

/// <summary>What cards get when Graph:Enabled is false: never any live data, and no Graph client or credential is built.</summary>
internal sealed class DisabledLiveTaskData : ILiveTaskData
{
    public Task<LiveData?> GetAsync(string taskId, CancellationToken cancellationToken) => Task.FromResult<LiveData?>(null);
}
