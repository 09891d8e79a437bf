namespace SocBot.State;

/// <summary>The outcome of a completion, skip, snooze or escalation, with the occurrence as stored afterwards (null when not found).</summary>
public sealed record OccurrenceUpdateResult(OccurrenceUpdateOutcome Outcome, OccurrenceRecord? Occurrence);
