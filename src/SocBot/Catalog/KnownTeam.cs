namespace SocBot.Catalog;

/// <summary>A SOC team the importer recognizes: the id it always gets, and names people use for it.</summary>
internal sealed record KnownTeam(string Id, IReadOnlyList<string> Aliases);
