namespace SocBot.Enrichment;

/// <summary>Live Microsoft Graph data that helps the owner of a maintenance task do it.</summary>
public interface ILiveTaskData
{
    /// <summary>
    /// The live data for <paramref name="taskId"/>, or null when Graph enrichment is off, the task has none, or Graph could
    /// not answer in time. Failures are logged here and never thrown; only the caller's own cancellation is.
    /// </summary>
    Task<LiveData?> GetAsync(string taskId, CancellationToken cancellationToken);
}
