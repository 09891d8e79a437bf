namespace SocBot.Catalog;

/// <summary>
/// One thing the SOC calls by several names, for ownership questions: "who owns MDE?" means Microsoft Defender for Endpoint.
/// </summary>
/// <param name="Term">The name the catalog's teams and tasks use.</param>
/// <param name="Variants">Abbreviations, old product names and spellings that mean the same, matched ignoring case.</param>
public sealed record SynonymEntry(string Term, IReadOnlyList<string> Variants);
