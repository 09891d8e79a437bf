namespace SocBot.Catalog;

/// <summary>One SOC team of the roles matrix.</summary>
/// <param name="Id">Stable id used in keys and commands, lower-case words joined by '-', e.g. "soc-oversight".</param>
/// <param name="Aliases">Other names people use for the team ("Engineering and SecOps", "TI"), matched ignoring case.</param>
/// <param name="DefenderTasks">The team's Microsoft 365 Defender tasks from the roles matrix.</param>
/// <param name="EntraGroupId">The Entra ID group whose members belong to the team, when known.</param>
/// <param name="ChannelBinding">The Teams channel that receives the team's reminders, when fixed in the catalog.</param>
/// <param name="Source">Id of the <see cref="SourceDocument"/> the entry came from; null when written by hand.</param>
public sealed record SocTeam(
    string Id,
    string DisplayName,
    IReadOnlyList<string> Aliases,
    string Description,
    IReadOnlyList<string> Responsibilities,
    IReadOnlyList<string> DefenderTasks,
    IReadOnlyList<TeamContact> Contacts,
    Guid? EntraGroupId,
    ChannelBinding? ChannelBinding,
    string? Source);
