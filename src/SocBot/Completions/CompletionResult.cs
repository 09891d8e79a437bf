using SocBot.Protocol.Schema;
using SocBot.State;

namespace SocBot.Completions;

/// <summary>What a completion, skip or snooze did, and the card that now shows the occurrence, serialized once into its activity.</summary>
public sealed record CompletionResult(OccurrenceUpdateOutcome Outcome, OccurrenceRecord Record, OutgoingActivity Card);
