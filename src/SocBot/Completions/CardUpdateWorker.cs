using SocBot.Reminders;

namespace SocBot.Completions;

/// <summary>
/// Replaces posted cards queued in <see cref="CardUpdateQueue"/>, a few at a time, so an update that outlives the click's
/// budget still has an owner: failures are logged, and on shutdown what is queued is drained until the host's shutdown
/// timeout (SocBot:ShutdownTimeout) runs out; updates still waiting then are logged as abandoned.
/// </summary>
public sealed partial class CardUpdateWorker(CardUpdateQueue queue, ReminderPoster poster, ILogger<CardUpdateWorker> logger)
    : BackgroundService
{
    private const int Parallelism = 4;

    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        var abandonAtTimeout = cancellationToken.Register(_abandon.Cancel);
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // The base class returns from inside the token's callbacks; disposing our registration there would unregister
            // it before it ran, so the abandon is also made explicit here.
            if (cancellationToken.IsCancellationRequested)
            {
                await _abandon.CancelAsync();
            }

            await abandonAtTimeout.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    // Readers stop when the queue is completed and empty, not when stopping starts: queued updates are drained.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Task.Run(DrainAsync, CancellationToken.None)));

    private async Task DrainAsync()
    {
        await foreach (var pending in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await ApplyAsync(pending.Update);
            }
            finally
            {
                pending.Tried.TrySetResult();
            }
        }
    }

    private async Task ApplyAsync(CardUpdate update)
    {
        if (_abandon.IsCancellationRequested)
        {
            Log.Abandoned(logger, update.OccurrenceKey);
            return;
        }

        try
        {
            await poster.UpdateAsync(update.ServiceUrl, update.TenantId, update.ConversationId, update.ActivityId, update.Activity, _abandon.Token);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            Log.Abandoned(logger, update.OccurrenceKey);
        }
        catch (Exception e)
        {
            // The worker is the boundary of this work: one failed update must not stop the ones behind it.
            Log.UpdateFailed(logger, e, update.OccurrenceKey);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the posted card of {OccurrenceKey}; viewers see it on refresh")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, string occurrenceKey);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the card update of {OccurrenceKey} was abandoned; viewers see it on refresh")]
        public static partial void Abandoned(ILogger logger, string occurrenceKey);
    }
}
