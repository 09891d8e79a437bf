using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Spaces out sends so a burst of reminders never trips Teams' throttling: each send reserves the earliest instant at which
/// every sliding window (per thread and global) still has room, then waits for it. Reserving before waiting keeps
/// concurrent senders in order without holding a lock while they wait.
/// </summary>
public sealed class ConversationPacer(IOptions<ConnectorPacingOptions> options, TimeProvider time)
{
    private const string GlobalKey = "\u0000global";
    private readonly object _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _sends = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        var delay = Reserve(ThreadOf(conversationId));
        ConnectorMetrics.Paced(delay);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>A channel thread ("19:x@thread.tacv2;messageid=1") is throttled with its channel.</summary>
    private static string ThreadOf(string conversationId)
    {
        var separator = conversationId.IndexOf(';', StringComparison.Ordinal);
        return separator < 0 ? conversationId : conversationId[..separator];
    }

    private TimeSpan Reserve(string thread)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var threadSends = SendsOf(thread);
            var globalSends = SendsOf(GlobalKey);
            var at = now;
            at = Max(at, EarliestSlot(threadSends, settings.PerConversation, at));
            at = Max(at, EarliestSlot(globalSends, settings.Global, at));
            Record(threadSends, at, settings.PerConversation, now);
            Record(globalSends, at, settings.Global, now);
            return at - now;
        }
    }

    private List<DateTimeOffset> SendsOf(string key)
    {
        if (!_sends.TryGetValue(key, out var list))
        {
            list = [];
            _sends[key] = list;
        }

        return list;
    }

    /// <summary>The earliest instant ≥ <paramref name="from"/> at which each window holds fewer than its limit.</summary>
    private static DateTimeOffset EarliestSlot(List<DateTimeOffset> sends, IReadOnlyList<RateWindow> windows, DateTimeOffset from)
    {
        var at = from;
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var window in windows)
            {
                var inWindow = sends.Count(s => s > at - window.Length);
                if (inWindow >= window.Limit)
                {
                    var oldestThatMustLeave = sends.Where(s => s > at - window.Length).Order().ElementAt(inWindow - window.Limit);
                    at = oldestThatMustLeave + window.Length;
                    moved = true;
                }
            }
        }

        return at;
    }

    private static void Record(List<DateTimeOffset> sends, DateTimeOffset at, IReadOnlyList<RateWindow> windows, DateTimeOffset now)
    {
        var longest = windows.Count == 0 ? TimeSpan.Zero : windows.Max(w => w.Length);
        sends.RemoveAll(s => s <= now - longest);
        sends.Add(at);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
