using SocBot.Catalog;

namespace SocBot.Bindings;

/// <summary>
/// The SOC teams a conversation speaks for: the teams bound to it, and the teams its reports cover (every team in
/// SOC Oversight's channel).
/// </summary>
/// <param name="BoundTeams">Teams whose reminders go to this conversation (or the one team a command named); empty when it is not linked.</param>
/// <param name="Teams">Teams that `due`, `status`, `history` and `export` report on here: every team when SOC Oversight is bound.</param>
public sealed record ConversationScope(
    string TenantId,
    IReadOnlyList<SocTeam> BoundTeams,
    IReadOnlyList<SocTeam> Teams)
{
    public bool IsBound => BoundTeams.Count > 0;
}
