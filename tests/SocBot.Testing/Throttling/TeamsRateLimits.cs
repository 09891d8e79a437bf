namespace SocBot.Testing.Throttling;

/// <summary>At most <see cref="Limit"/> requests in any span of <see cref="Length"/>.</summary>
public sealed record RateLimit(TimeSpan Length, int Limit);

/// <summary>
/// The limits a throttling connector enforces: per bot per thread (sends and creates apart from reads) and per app per
/// tenant. <see cref="Teams"/> holds the figures Microsoft documents for Teams bots.
/// </summary>
public sealed record TeamsRateLimits(IReadOnlyList<RateLimit> PerThreadSend, IReadOnlyList<RateLimit> PerThreadRead, IReadOnlyList<RateLimit> PerTenant)
{
    /// <summary>
    /// Send or create conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour in one thread; get members or
    /// conversations twice that; 50 per second per app per tenant, tenants not sharing one budget.
    /// </summary>
    public static TeamsRateLimits Teams { get; } = new(
        [new(TimeSpan.FromSeconds(1), 7), new(TimeSpan.FromSeconds(2), 8), new(TimeSpan.FromSeconds(30), 60), new(TimeSpan.FromHours(1), 1800)],
        [new(TimeSpan.FromSeconds(1), 14), new(TimeSpan.FromSeconds(2), 16), new(TimeSpan.FromSeconds(30), 120), new(TimeSpan.FromHours(1), 3600)],
        [new(TimeSpan.FromSeconds(1), 50)]);

    /// <summary>
    /// The shortest span <paramref name="count"/> requests in one thread and <paramref name="perTenant"/> in one tenant can
    /// be spread over without breaking a limit: the time the limits alone impose on a batch of sends.
    /// </summary>
    public TimeSpan Bound(IEnumerable<int> perThread, IEnumerable<int> perTenant) =>
        new[] { Span(perThread, PerThreadSend), Span(perTenant, PerTenant) }.Max();

    private static TimeSpan Span(IEnumerable<int> counts, IReadOnlyList<RateLimit> limits) =>
        counts.Select(count => limits.Select(l => l.Length * ((count - 1) / l.Limit)).DefaultIfEmpty(TimeSpan.Zero).Max())
            .DefaultIfEmpty(TimeSpan.Zero).Max();
}
