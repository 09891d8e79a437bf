namespace SocBot.Testing.Throttling;

/// <summary>
/// The instants of the requests let through for each key (a thread or a tenant), checked against sliding windows: a
/// request at t fits when, for every limit, fewer than Limit admitted requests lie in (t − Length, t]. Not thread-safe;
/// the stand-in holds its lock around it.
/// </summary>
internal sealed class SlidingWindows
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _admitted = new(StringComparer.Ordinal);

    /// <summary>How long until a request at <paramref name="now"/> would fit; zero when it fits now.</summary>
    public TimeSpan WaitFor(string key, DateTimeOffset now, IReadOnlyList<RateLimit> limits)
    {
        if (!_admitted.TryGetValue(key, out var admitted))
        {
            return TimeSpan.Zero;
        }

        var longest = limits.Max(l => l.Length);
        while (admitted.Count > 0 && admitted.Peek() <= now - longest)
        {
            admitted.Dequeue();
        }

        var wait = TimeSpan.Zero;
        var newestFirst = admitted.Reverse().ToList();
        foreach (var limit in limits)
        {
            var inWindow = newestFirst.Count(at => at > now - limit.Length);
            if (inWindow >= limit.Limit)
            {
                // The window has room again once the oldest request that keeps it full has left it.
                var leaving = newestFirst[limit.Limit - 1];
                wait = Max(wait, leaving + limit.Length - now);
            }
        }

        return wait;
    }

    public void Admit(string key, DateTimeOffset at)
    {
        if (!_admitted.TryGetValue(key, out var admitted))
        {
            admitted = new Queue<DateTimeOffset>();
            _admitted[key] = admitted;
        }

        admitted.Enqueue(at);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
