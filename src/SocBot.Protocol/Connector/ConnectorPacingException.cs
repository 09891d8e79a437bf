namespace SocBot.Protocol.Connector;

/// <summary>
/// A call refused before it was sent because its turn was further off than Connector:Pacing:MaxWait. Nothing reached
/// Teams; the caller tries again later.
/// </summary>
public sealed class ConnectorPacingException(string tenantId, string thread, TimeSpan wait, TimeSpan maxWait)
    : Exception($"The next call to thread '{thread}' of tenant '{tenantId}' could go out in {wait}, longer than the {maxWait} a caller waits.")
{
    public string TenantId { get; } = tenantId;

    public TimeSpan Wait { get; } = wait;
}
