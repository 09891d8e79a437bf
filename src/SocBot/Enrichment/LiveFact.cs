namespace SocBot.Enrichment;

/// <summary>One line of live data on a card, shaped for an Adaptive Card FactSet.</summary>
public sealed record LiveFact(string Title, string Value);
