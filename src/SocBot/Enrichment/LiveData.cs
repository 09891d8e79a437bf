namespace SocBot.Enrichment;

/// <summary>Live figures for a task's card; <paramref name="AsOf"/> is when they were read from Graph.</summary>
public sealed record LiveData(string Heading, IReadOnlyList<LiveFact> Facts, DateTimeOffset AsOf);
