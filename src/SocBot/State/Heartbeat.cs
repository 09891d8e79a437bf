namespace SocBot.State;

/// <summary>The last reminder pass that ran to the end, and which instance ran it: the health check's evidence that reminders flow.</summary>
public sealed record Heartbeat(DateTimeOffset LastPassCompletedAt, string Instance);
