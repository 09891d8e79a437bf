namespace SocBot.Hosting;

/// <summary>
/// The tags that put a health check on an endpoint. Any feature adds its own check by registering it with a tag, e.g.
/// <c>services.AddHealthChecks().AddCheck&lt;ReminderHeartbeatCheck&gt;("reminders", tags: [HealthTags.Live])</c>;
/// nothing here needs to change.
/// </summary>
public static class HealthTags
{
    /// <summary>On <c>/healthz</c>: failing means the process is stuck and restarting it helps (e.g. a reminder loop that stopped).</summary>
    public const string Live = "live";

    /// <summary>On <c>/readyz</c>: failing means this instance cannot serve now (storage unreachable, catalog broken); take it out of rotation.</summary>
    public const string Ready = "ready";
}
