namespace SocBot.Protocol.Connector;

/// <summary>
/// Teams' documented limits: per bot per conversation thread 7 per second, 8 per 2 s, 60 per 30 s and 1800 per hour, and
/// 50 requests per second per app per tenant. The lists start empty so configured windows replace Teams' figures instead
/// of being appended to them; <see cref="ConnectorPacingDefaults"/> fills in the figures when nothing is configured.
/// </summary>
public sealed class ConnectorPacingOptions
{
    public const string SectionName = "Connector:Pacing";

    public static IReadOnlyList<RateWindow> TeamsPerThread { get; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];

    public static IReadOnlyList<RateWindow> TeamsPerTenant { get; } = [new(TimeSpan.FromSeconds(1), 50)];

    /// <summary>Windows for each conversation thread of a tenant (a channel's threads count with their channel).</summary>
    public List<RateWindow> PerThread { get; set; } = [];

    /// <summary>Windows for all of the app's calls in one tenant.</summary>
    public List<RateWindow> PerTenant { get; set; } = [];

    /// <summary>
    /// Each window is held this much longer than Teams' figure. A call already counts until its answer comes back, which
    /// covers however long the network, the host and the timers took to get it there, so this is for a connector that is
    /// known to count late (off unless configured); every millisecond of it slows each window's turnover.
    /// </summary>
    public TimeSpan ArrivalMargin { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// A call that would have to wait longer than this for its turn is refused with <see cref="ConnectorPacingException"/>,
    /// so a reminder pass defers the rest to its next run instead of holding its job for an hour.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At most this many threads' recent calls are remembered; beyond it the least recently used are forgotten, so memory
    /// stays flat however many one-off conversations the bot answers.
    /// </summary>
    public int MaxTrackedThreads { get; set; } = 10_000;

    /// <summary>Teams' figures, as the host gets them when nothing is configured.</summary>
    public static ConnectorPacingOptions TeamsDefaults()
    {
        var options = new ConnectorPacingOptions();
        ConnectorPacingDefaults.Apply(options);
        return options;
    }
}
