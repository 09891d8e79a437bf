using SocBot.Catalog;

namespace SocBot.Bindings;

/// <summary>
/// The SOC teams a conversation speaks for: the teams bound to it, and the teams its reports cover (every team in
/// SOC Oversight's channel).
/// </summary>
/// <param name="ChannelId">The channel (or chat) id, without a thread part.</param>
/// <param name="BoundTeams">Teams whose reminders go to this conversation (or the one team a command named); empty when it is not linked.</param>
/// <param name="Teams">Teams that `due`, `status`, `history` and `export` report on here.</param>
/// <param name="IsOversight">SOC Oversight is among the bound teams, so reports cover the whole SOC.</param>
public sealed record ConversationScope(
    string TenantId,
    string ChannelId,
    IReadOnlyList<SocTeam> BoundTeams,
    IReadOnlyList<SocTeam> Teams,
    bool IsOversight)
{
    public bool IsBound => BoundTeams.Count > 0;
}
