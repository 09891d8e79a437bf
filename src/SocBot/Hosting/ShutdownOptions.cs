namespace SocBot.Hosting;

/// <summary>
/// How long the host waits on SIGTERM for running work (a reminder pass, a turn in flight) before it stops anyway.
/// Section "SocBot", key ShutdownTimeout. App Service sends SIGTERM and kills the process after its own grace period, so a
/// value above that gains nothing.
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "SocBot";

    /// <summary>Long enough for one reminder pass over every team; the Quartz host waits for running jobs within it.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
