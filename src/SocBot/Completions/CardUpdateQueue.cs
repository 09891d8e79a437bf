using System.Threading.Channels;

namespace SocBot.Completions;

/// <summary>
/// The card replacements waiting for <see cref="CardUpdateWorker"/>. Bounded, so a connector that stops answering costs a
/// fixed amount of memory: when it is full a new update is refused at once (the clicker already has the new card, and
/// everyone else sees it on the card's refresh) rather than holding the click.
/// </summary>
public sealed class CardUpdateQueue
{
    public const int Capacity = 256;

    private readonly Channel<PendingCardUpdate> _channel = Channel.CreateBounded<PendingCardUpdate>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    internal ChannelReader<PendingCardUpdate> Reader => _channel.Reader;

    /// <summary>Queues the update; <paramref name="applied"/> completes once the worker has tried it (it never faults).</summary>
    /// <returns>False when the queue is full or shutting down.</returns>
    public bool TryEnqueue(CardUpdate update, out Task applied)
    {
        var pending = new PendingCardUpdate(update, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        applied = pending.Tried.Task;
        return _channel.Writer.TryWrite(pending);
    }

    /// <summary>Accepts nothing more; what is queued is still handed to the worker.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}

internal sealed record PendingCardUpdate(CardUpdate Update, TaskCompletionSource Tried);
