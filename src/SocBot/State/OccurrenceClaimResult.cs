namespace SocBot.State;

/// <summary><see cref="Claimed"/> is true for exactly one claimant of a key; everyone gets the stored occurrence.</summary>
public sealed record OccurrenceClaimResult(bool Claimed, OccurrenceRecord Occurrence);
