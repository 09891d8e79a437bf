using SocBot.Cards;
using SocBot.State;

namespace SocBot.Completions;

/// <summary>What a completion, skip or snooze did, and the card that now shows the occurrence.</summary>
public sealed record CompletionResult(OccurrenceUpdateOutcome Outcome, OccurrenceRecord Record, AdaptiveCard Card);
