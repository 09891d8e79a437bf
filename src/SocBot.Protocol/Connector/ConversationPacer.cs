using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Spaces out every connector call by Teams' rules: all of the app's calls in a tenant share the tenant's windows, and
/// each conversation thread of that tenant has its own. A call reserves the earliest instant at which every window it
/// falls in still has room, then waits for it; reserving before waiting keeps concurrent callers in order without
/// holding a lock while they wait. Threads and tenants that have gone quiet are forgotten, and at most
/// <see cref="ConnectorPacingOptions.MaxTrackedThreads"/> threads are remembered at all, so memory stays flat.
/// </summary>
public sealed class ConversationPacer(IOptions<ConnectorPacingOptions> options, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly CallLog _tenants = new();
    private readonly CallLog _threads = new();

    /// <summary>How many threads' calls are remembered now.</summary>
    public int TrackedThreads
    {
        get
        {
            lock (_gate)
            {
                return _threads.Count;
            }
        }
    }

    /// <summary>How many tenants' calls are remembered now.</summary>
    public int TrackedTenants
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Count;
            }
        }
    }

    /// <summary>
    /// Waits until a call to <paramref name="conversationId"/> in <paramref name="tenantId"/> may go out.
    /// Throws <see cref="ConnectorPacingException"/>, reserving nothing, when that is further off than MaxWait.
    /// </summary>
    public async Task WaitTurnAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var delay = Reserve(tenantId ?? string.Empty, ThreadOf(conversationId));
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

    private TimeSpan Reserve(string tenantId, string thread)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var perThread = Widened(settings.PerThread, settings.ArrivalMargin);
            var perTenant = Widened(settings.PerTenant, settings.ArrivalMargin);
            var threadCalls = _threads.Touch(tenantId + "\n" + thread);
            var tenantCalls = _tenants.Touch(tenantId);
            threadCalls.Forget(now - Longest(perThread));
            tenantCalls.Forget(now - Longest(perTenant));

            var at = now;
            for (var moved = true; moved;)
            {
                var next = tenantCalls.EarliestSlot(perTenant, threadCalls.EarliestSlot(perThread, at));
                moved = next != at;
                at = next;
            }

            var wait = TimeSpan.FromTicks(at - now);
            if (wait > settings.MaxWait)
            {
                throw new ConnectorPacingException(tenantId, thread, wait, settings.MaxWait);
            }

            threadCalls.Add(at);
            tenantCalls.Add(at);
            _threads.Evict(now - Longest(perThread), settings.MaxTrackedThreads);
            _tenants.Evict(now - Longest(perTenant), settings.MaxTrackedThreads);
            return wait;
        }
    }

    private static List<RateWindow> Widened(List<RateWindow> windows, TimeSpan margin) =>
        margin == TimeSpan.Zero ? windows : windows.ConvertAll(w => w with { Length = w.Length + margin });

    private static long Longest(List<RateWindow> windows) => windows.Count == 0 ? 0 : windows.Max(w => w.Length.Ticks);

    /// <summary>The keys' calls, least recently used first, so the quiet ones are at hand to forget.</summary>
    private sealed class CallLog
    {
        private readonly Dictionary<string, LinkedListNode<Calls>> _byKey = new(StringComparer.Ordinal);
        private readonly LinkedList<Calls> _byUse = new();

        public int Count => _byKey.Count;

        public Calls Touch(string key)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _byUse.Remove(node);
                _byUse.AddLast(node);
                return node.Value;
            }

            node = _byUse.AddLast(new Calls(key));
            _byKey[key] = node;
            return node.Value;
        }

        /// <summary>Drops keys whose every call has left all windows, and the least recently used beyond <paramref name="capacity"/>.</summary>
        public void Evict(long expiredBefore, int capacity)
        {
            while (_byUse.First is { } oldest && (_byKey.Count > capacity || oldest.Value.Latest <= expiredBefore))
            {
                _byUse.RemoveFirst();
                _byKey.Remove(oldest.Value.Key);
            }
        }
    }

    /// <summary>One key's reserved call instants (UTC ticks), sorted; some may lie in the future.</summary>
    private sealed class Calls(string key)
    {
        private readonly List<long> _at = [];

        public string Key { get; } = key;

        public long Latest => _at.Count == 0 ? long.MinValue : _at[^1];

        public void Forget(long upTo) => _at.RemoveRange(0, CountUpTo(upTo));

        public void Add(long at) => _at.Insert(CountUpTo(at), at);

        /// <summary>
        /// The earliest instant ≥ <paramref name="from"/> at which no window (e − length, e] holding it is full. The fullest
        /// windows holding an instant end at it or at a later reserved call, so those are the ones checked.
        /// </summary>
        public long EarliestSlot(List<RateWindow> windows, long from)
        {
            var at = from;
            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var window in windows)
                {
                    var next = LeaveFullWindows(window.Length.Ticks, window.Limit, at);
                    if (next != at)
                    {
                        at = next;
                        moved = true;
                    }
                }
            }

            return at;
        }

        private long LeaveFullWindows(long length, int limit, long at)
        {
            var upToAt = CountUpTo(at);
            var inWindow = upToAt - CountUpTo(at - length);
            if (inWindow >= limit)
            {
                // The oldest calls must leave the window ending at the new instant until one place is free.
                return _at[upToAt - limit] + length;
            }

            for (var i = upToAt; i < _at.Count && _at[i] < at + length; i++)
            {
                var end = _at[i];
                if (CountUpTo(end) - CountUpTo(end - length) >= limit)
                {
                    return end + 1;
                }
            }

            return at;
        }

        /// <summary>How many calls are at or before <paramref name="instant"/>.</summary>
        private int CountUpTo(long instant)
        {
            int low = 0, high = _at.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_at[middle] <= instant)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
