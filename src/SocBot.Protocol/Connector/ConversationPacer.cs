using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>
/// Spaces out every connector call by Teams' rules: all of the app's calls in a tenant share the tenant's windows, and
/// each conversation thread of that tenant has its own. Teams counts a call when it arrives, somewhere between the
/// instant it was let go and the instant its answer came back, so a call counts as arriving now while it is on its way
/// and at its answer once answered; whatever the network, the host's timers or the token fetch add to a call then delays
/// the next turns instead of landing two calls in one window. A call reserves the earliest instant at which every window
/// it falls in still has room and waits for it; reserving keeps concurrent callers in order without holding a lock while
/// they wait, and a caller whose instant was overtaken by a slow answer reserves again. A 429 closes the thread's and the
/// tenant's windows for its Retry-After. Threads and tenants that have gone quiet are forgotten, and at most
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
    /// Waits until a call to <paramref name="conversationId"/> in <paramref name="tenantId"/> may go out; the caller reports
    /// the call's answer on the turn it gets. Throws <see cref="ConnectorPacingException"/>, keeping nothing reserved, when
    /// the turn is further off than MaxWait.
    /// </summary>
    public async Task<ConnectorTurn> WaitTurnAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var turn = new ConnectorTurn(this, tenantId ?? string.Empty, ThreadOf(conversationId));
        var asked = time.GetUtcNow();
        try
        {
            for (var wait = Reserve(turn); wait > TimeSpan.Zero; wait = Reserve(turn))
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            Withdraw(turn);
            throw;
        }

        ConnectorMetrics.Paced(time.GetUtcNow() - asked);
        return turn;
    }

    /// <summary>A channel thread ("19:x@thread.tacv2;messageid=1") is throttled with its channel.</summary>
    private static string ThreadOf(string conversationId)
    {
        var separator = conversationId.IndexOf(';', StringComparison.Ordinal);
        return separator < 0 ? conversationId : conversationId[..separator];
    }

    /// <summary>
    /// Places the turn at the earliest instant the windows allow, as they stand now: zero when it may go at once (it is
    /// then on its way), else how long until its reserved instant, when it looks again.
    /// </summary>
    private TimeSpan Reserve(ConnectorTurn turn)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var perThread = Widened(settings.PerThread, settings.ArrivalMargin);
            var perTenant = Widened(settings.PerTenant, settings.ArrivalMargin);
            turn.Leave();
            var threadCalls = _threads.Touch(turn.TenantId + "\n" + turn.Thread);
            var tenantCalls = _tenants.Touch(turn.TenantId);
            threadCalls.Settle(now, Longest(perThread));
            tenantCalls.Settle(now, Longest(perTenant));

            var at = Math.Max(now, Math.Max(threadCalls.ClosedUntil, tenantCalls.ClosedUntil));
            for (var moved = true; moved;)
            {
                var next = tenantCalls.EarliestSlot(perTenant, threadCalls.EarliestSlot(perThread, at));
                moved = next != at;
                at = next;
            }

            var wait = TimeSpan.FromTicks(at - now);
            if (wait > settings.MaxWait)
            {
                throw new ConnectorPacingException(turn.TenantId, turn.Thread, wait, settings.MaxWait);
            }

            turn.Enter(threadCalls.Add(at, onItsWay: wait == TimeSpan.Zero), tenantCalls.Add(at, onItsWay: wait == TimeSpan.Zero));
            _threads.Evict(now - Longest(perThread), now, settings.MaxTrackedThreads);
            _tenants.Evict(now - Longest(perTenant), now, settings.MaxTrackedThreads);
            return wait;
        }
    }

    private void Withdraw(ConnectorTurn turn)
    {
        lock (_gate)
        {
            turn.Leave();
        }
    }

    /// <summary>The call's answer came (or it failed): it counts at this instant from now on.</summary>
    internal void Answered(ConnectorTurn turn)
    {
        lock (_gate)
        {
            turn.Settle(time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>Teams said a window of this thread or tenant is full: no call goes to either until Retry-After has passed.</summary>
    internal void Throttled(ConnectorTurn turn, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var closedFor = retryAfter ?? Shortest(settings.PerTenant);
            turn.Settle(now);
            turn.Close(now + Math.Max(0, closedFor.Ticks));
        }
    }

    private static List<RateWindow> Widened(List<RateWindow> windows, TimeSpan margin) =>
        margin == TimeSpan.Zero ? windows : windows.ConvertAll(w => w with { Length = w.Length + margin });

    private static long Longest(List<RateWindow> windows) => windows.Count == 0 ? 0 : windows.Max(w => w.Length.Ticks);

    private static TimeSpan Shortest(List<RateWindow> windows) => windows.Count == 0 ? TimeSpan.FromSeconds(1) : windows.Min(w => w.Length);

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

        /// <summary>
        /// Drops keys that have gone quiet (every call has left all windows, none is on its way, none is closed) and the
        /// least recently used beyond <paramref name="capacity"/>.
        /// </summary>
        public void Evict(long expiredBefore, long now, int capacity)
        {
            while (_byUse.First is { } oldest && (_byKey.Count > capacity || oldest.Value.IsQuiet(expiredBefore, now)))
            {
                _byUse.RemoveFirst();
                _byKey.Remove(oldest.Value.Key);
            }
        }
    }

    /// <summary>
    /// One key's calls (UTC ticks), sorted: answered ones at their answer, ones on their way at the last instant they were
    /// looked at (they are still arriving), reserved ones at their turn, which may lie in the future.
    /// </summary>
    internal sealed class Calls(string key)
    {
        private readonly List<long> _at = [];
        private readonly List<Call> _onTheirWay = [];

        public string Key { get; } = key;

        /// <summary>No call may go before this instant: Teams answered 429 and said when to come back.</summary>
        public long ClosedUntil { get; private set; } = long.MinValue;

        public bool IsQuiet(long expiredBefore, long now) =>
            _onTheirWay.Count == 0 && ClosedUntil <= now && (_at.Count == 0 || _at[^1] <= expiredBefore);

        /// <summary>Calls still on their way count as arriving now; calls that have left every window are forgotten.</summary>
        public void Settle(long now, long longest)
        {
            foreach (var call in _onTheirWay)
            {
                if (call.At < now)
                {
                    Move(call, now);
                }
            }

            _at.RemoveRange(0, CountUpTo(now - longest));
        }

        public Call Add(long at, bool onItsWay)
        {
            var call = new Call(this, at);
            _at.Insert(CountUpTo(at), at);
            if (onItsWay)
            {
                _onTheirWay.Add(call);
            }

            return call;
        }

        public void Remove(Call call)
        {
            RemoveOne(call.At);
            _onTheirWay.Remove(call);
        }

        /// <summary>The call was answered at <paramref name="at"/>; it is no longer on its way.</summary>
        public void Answer(Call call, long at)
        {
            if (_onTheirWay.Remove(call))
            {
                Move(call, Math.Max(at, call.At));
            }
        }

        public void Close(long until) => ClosedUntil = Math.Max(ClosedUntil, until);

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

        private void Move(Call call, long to)
        {
            RemoveOne(call.At);
            _at.Insert(CountUpTo(to), to);
            call.At = to;
        }

        /// <summary>Calls at one instant are alike, so any one of them stands for the call leaving it.</summary>
        private void RemoveOne(long at)
        {
            var index = CountUpTo(at) - 1;
            if (index >= 0 && _at[index] == at)
            {
                _at.RemoveAt(index);
            }
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

    /// <summary>Where one call stands in one key's list.</summary>
    internal sealed class Call(Calls owner, long at)
    {
        public Calls Owner { get; } = owner;

        public long At { get; set; } = at;
    }
}
