namespace SocBot.Ownership;

/// <summary>
/// Everything ownership answers are drawn from, read from one catalog instance. The answerer builds its index once per
/// corpus instance, so a source hands out the same instance until the catalog changes.
/// </summary>
public sealed record OwnershipCorpus(
    IReadOnlyList<OwnershipTeam> Teams,
    IReadOnlyList<OwnershipItem> Items,
    IReadOnlyList<OwnershipSynonym> Synonyms);
