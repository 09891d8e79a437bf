namespace SocBot.Ownership;

/// <summary>
/// Words a SOC uses for one thing: every variant in questions and in the catalog's text is read as <paramref name="Canonical"/>
/// ("MDE" and "Defender for Endpoint" both become "Microsoft Defender for Endpoint").
/// </summary>
public sealed record OwnershipSynonym(string Canonical, IReadOnlyList<string> Variants);
