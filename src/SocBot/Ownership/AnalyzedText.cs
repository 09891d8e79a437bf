namespace SocBot.Ownership;

/// <summary>
/// A text as the index sees it: <see cref="Words"/> as written (lower case), <see cref="Terms"/> the stemmed, canonical,
/// non-stop-word terms that are scored.
/// </summary>
internal sealed record AnalyzedText(
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Terms,
    IReadOnlyList<OwnershipSynonymUse> Synonyms,
    IReadOnlyList<OwnershipCorrection> Corrections);
